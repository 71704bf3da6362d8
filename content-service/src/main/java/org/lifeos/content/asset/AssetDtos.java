package org.lifeos.content.asset;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lifeos.content.asset.AssetStore.Link;

/** What the assets API reads and writes. */
public final class AssetDtos {

    /**
     * A media type as RFC 6838 names them: a registered top-level type and a subtype, no parameters
     * ({@code image/png}, {@code video/mp4}, {@code application/vnd.adobe.photoshop}).
     */
    static final String MEDIA_TYPE = "(?i)(application|audio|font|image|model|text|video)/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}";
    /** A tag: printable, no commas (tags are often typed as a comma-separated list). */
    static final String TAG = "[^\\p{Cntrl},]+";

    private AssetDtos() {
    }

    @Schema(name = "AssetView")
    public record AssetView(UUID id, AssetType assetType, String category, String name, String mimeType,
                            @Schema(description = "Bytes: declared at creation, then those stored") long fileSize,
                            List<String> tags, UUID clientId, UUID projectId, String thumbnailUrl,
                            @Schema(description = "pending until the file's upload is recorded") AssetStatus status,
                            @Schema(description = "The file's key in the asset store: <circle>/<asset>") String storagePath,
                            @Schema(description = "The asset's stable content address on this API") URI url,
                            @Schema(description = "SHA-256 of the stored file (hex), when the store knows it")
                            String checksumSha256,
                            Instant uploadedAt,
                            @Schema(description = "While pending: where to PUT the file, with which headers, until when")
                            Link upload,
                            @Schema(description = "Once uploaded: where to GET the file (presigned URLs expire)")
                            Link download,
                            Instant createdAt, Instant updatedAt, long version) {
    }

    /** An asset as a client writes it; POST reads it whole, PATCH merges into the current values. */
    public static class AssetForm {
        @Schema(description = "Derived from mimeType when absent")
        public AssetType assetType;

        @Size(max = 100)
        @Schema(description = "Free text: screenshot, mockup, b-roll, ...")
        public String category;

        @NotBlank
        @Size(max = 500)
        @Schema(description = "The file's name, as it is offered on download")
        public String name;

        @NotBlank
        @Size(max = 255)
        @Pattern(regexp = MEDIA_TYPE, message = "must be a media type like image/png")
        public String mimeType;

        @NotNull
        @PositiveOrZero
        @Schema(description = "The file's exact length in bytes; the upload must match it")
        public Long fileSize;

        @NotNull
        @Size(max = 30)
        public List<@NotBlank @Size(max = 50) @Pattern(regexp = TAG, message = "must be printable text without commas")
                String> tags = new ArrayList<>();

        @Schema(description = "A finance CRM client, by id")
        public UUID clientId;

        @Schema(description = "A finance CRM project, by id")
        public UUID projectId;

        @Size(max = 2048)
        @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
        public String thumbnailUrl;

        static AssetForm of(Asset asset) {
            AssetForm form = new AssetForm();
            form.assetType = asset.assetType;
            form.category = asset.category;
            form.name = asset.name;
            form.mimeType = asset.mimeType;
            form.fileSize = asset.fileSize;
            form.tags = new ArrayList<>(List.of(asset.tags));
            form.clientId = asset.clientId;
            form.projectId = asset.projectId;
            form.thumbnailUrl = asset.thumbnailUrl;
            return form;
        }
    }
}
