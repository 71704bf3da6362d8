package org.lifeos.content.asset;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A media file's metadata (seed 001 Asset); the bytes live in the {@link AssetStore} under {@link #storagePath}. */
@Entity
@Table(name = "assets")
public class Asset {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "project_id")
    public UUID projectId;

    @Column(name = "client_id")
    public UUID clientId;

    @Column(name = "asset_type")
    @Convert(converter = AssetType.Converter.class)
    public AssetType assetType;

    public String category;

    public String name;

    @Column(name = "storage_path", updatable = false)
    public String storagePath;

    @Column(updatable = false)
    public String url;

    @Column(name = "thumbnail_url")
    public String thumbnailUrl;

    @Column(name = "file_size")
    public long fileSize;

    @Column(name = "mime_type")
    public String mimeType;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] tags = new String[0];

    @Convert(converter = AssetStatus.Converter.class)
    public AssetStatus status;

    @Column(name = "checksum_sha256")
    public String checksumSha256;

    @Column(name = "uploaded_at")
    public Instant uploadedAt;

    @Version
    public long version;

    @Column(name = "created_by", updatable = false)
    public UUID createdBy;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
