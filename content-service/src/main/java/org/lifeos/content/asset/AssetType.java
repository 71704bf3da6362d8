package org.lifeos.content.asset;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;
import org.lifeos.platform.db.LowerCaseEnumConverter;

/** What kind of media an asset is (seed 001's AssetType); JSON and the database use the lower-case form. */
public enum AssetType {
    IMAGE, VIDEO, AUDIO, DOCUMENT, DESIGN, ARCHIVE, OTHER;

    /** The type a media type suggests, for an asset created without one. */
    public static AssetType of(String mimeType) {
        String mime = mimeType.toLowerCase(Locale.ROOT);
        if (mime.startsWith("image/")) {
            return IMAGE;
        }
        if (mime.startsWith("video/")) {
            return VIDEO;
        }
        if (mime.startsWith("audio/")) {
            return AUDIO;
        }
        if (mime.startsWith("text/") || mime.equals("application/pdf") || mime.startsWith("application/msword")
                || mime.startsWith("application/vnd.openxmlformats-officedocument")
                || mime.startsWith("application/vnd.oasis.opendocument")) {
            return DOCUMENT;
        }
        if (mime.equals("application/zip") || mime.equals("application/gzip") || mime.equals("application/x-tar")
                || mime.equals("application/x-7z-compressed")) {
            return ARCHIVE;
        }
        return OTHER;
    }

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static class Converter extends LowerCaseEnumConverter<AssetType> {
        public Converter() {
            super(AssetType.class);
        }
    }
}
