package org.lifeos.content.asset;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The {@code Content-Disposition} an asset is served with. Files are user content on the API's own
 * origin (or the bucket's), so only media a browser shows without running anything (images but
 * SVG, video, audio, PDF) are {@code inline}; everything else downloads as an attachment.
 */
final class Disposition {

    private Disposition() {
    }

    static String of(String name, String mimeType) {
        String mime = mimeType.toLowerCase(Locale.ROOT);
        boolean inline = (mime.startsWith("image/") && !mime.startsWith("image/svg")) || mime.startsWith("video/")
                || mime.startsWith("audio/") || mime.equals("application/pdf");
        String ascii = name.replaceAll("[^A-Za-z0-9._ -]", "_");
        return (inline ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
