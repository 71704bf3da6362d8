package org.lifeos.content.asset;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.lifeos.content.asset.AssetDtos.AssetForm;
import org.lifeos.content.asset.AssetStore.StoredObject;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.ids.Ids;
import org.lifeos.platform.tenancy.ReadOnly;
import org.lifeos.platform.tenancy.TenantContext;

/** The circle's assets' metadata, newest first; the files themselves are {@link AssetFiles}' work. */
@ApplicationScoped
public class AssetService implements PanacheRepositoryBase<Asset, UUID> {

    /** What the list may be narrowed by; each filter applies when present. */
    public record Filter(Optional<String> tag, Optional<String> mimeType, Optional<AssetType> assetType,
                         Optional<UUID> clientId, Optional<UUID> projectId, Optional<AssetStatus> status) {
    }

    private static final UUID LAST = new UUID(-1L, -1L);
    private final TenantContext context;
    private final AssetStore store;

    public AssetService(TenantContext context, AssetStore store) {
        this.context = context;
        this.store = store;
    }

    @Transactional
    public Asset create(AssetForm form) {
        Asset asset = new Asset();
        asset.id = Ids.next();
        asset.tenantId = context.circleId();
        asset.storagePath = AssetStore.key(asset.tenantId, asset.id);
        asset.url = "/api/v1/content/assets/" + asset.id + "/content";
        asset.status = AssetStatus.PENDING;
        asset.createdBy = context.userId();
        asset.createdAt = Instant.now();
        apply(asset, form);
        persist(asset);
        flush();
        return asset;
    }

    @Transactional
    @ReadOnly
    public Asset get(UUID id) {
        return findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("asset " + id));
    }

    @Transactional
    public Asset update(UUID id, String ifMatch, UnaryOperator<AssetForm> patch) {
        Asset asset = ETags.matching(get(id), ifMatch, a -> a.version);
        AssetForm form = patch.apply(AssetForm.of(asset));
        if (asset.status == AssetStatus.UPLOADED && (form.fileSize != asset.fileSize
                || !form.mimeType.equalsIgnoreCase(asset.mimeType))) {
            throw new ProblemException(ProblemType.CONFLICT, "mimeType and fileSize describe the uploaded file of asset "
                    + id + " and cannot change; create a new asset for another file");
        }
        apply(asset, form);
        flush();
        return asset;
    }

    /** Deletes the metadata; returns the file's key, for the caller to remove once this has committed. */
    @Transactional
    public String delete(UUID id, String ifMatch) {
        Asset asset = ETags.matching(get(id), ifMatch, a -> a.version);
        delete(asset);
        return asset.storagePath;
    }

    /**
     * Records that the file is in the store: status uploaded, its stored length and checksum. The
     * same file recorded again changes nothing (same version and ETag).
     */
    @Transactional
    public Asset recordUpload(UUID id, StoredObject stored) {
        Asset asset = get(id);
        String checksum = stored.sha256().orElse(null);
        if (asset.status != AssetStatus.UPLOADED || asset.fileSize != stored.size()
                || !Objects.equals(asset.checksumSha256, checksum)) {
            asset.status = AssetStatus.UPLOADED;
            asset.fileSize = stored.size();
            asset.checksumSha256 = checksum;
            asset.uploadedAt = Instant.now();
            asset.updatedAt = asset.uploadedAt;
            flush();
        }
        return asset;
    }

    /** Newest first, narrowed by {@code filter}; a media type filter may be a whole type ({@code image/*}). */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Asset> list(Filter filter, Keyset keyset) {
        StringBuilder sql = new StringBuilder("SELECT * FROM assets WHERE id < :after");
        Map<String, Object> values = new HashMap<>(Map.of("after", keyset.uuidOr(0, LAST)));
        filter.tag().ifPresent(t -> {
            sql.append(" AND :tag = ANY (tags)");
            values.put("tag", t.toLowerCase(Locale.ROOT));
        });
        filter.mimeType().ifPresent(m -> {
            if (m.endsWith("/*")) {
                sql.append(" AND mime_type LIKE :mime");
                values.put("mime", m.substring(0, m.length() - 1) + "%");
            } else {
                sql.append(" AND mime_type = :mime");
                values.put("mime", m);
            }
        });
        filter.assetType().ifPresent(t -> {
            sql.append(" AND asset_type = :type");
            values.put("type", t.toString());
        });
        filter.clientId().ifPresent(c -> {
            sql.append(" AND client_id = :client");
            values.put("client", c);
        });
        filter.projectId().ifPresent(p -> {
            sql.append(" AND project_id = :project");
            values.put("project", p);
        });
        filter.status().ifPresent(s -> {
            sql.append(" AND status = :status");
            values.put("status", s.toString());
        });
        Query query = getEntityManager().createNativeQuery(sql.append(" ORDER BY id DESC LIMIT :limit").toString(),
                Asset.class);
        values.forEach(query::setParameter);
        return query.setParameter("limit", keyset.fetch()).getResultList();
    }

    private void apply(Asset asset, AssetForm form) {
        if (form.fileSize > store.maxSize()) {
            throw ProblemException.badField("fileSize", "must be at most " + store.maxSize() + " bytes");
        }
        asset.mimeType = form.mimeType.toLowerCase(Locale.ROOT);
        asset.assetType = form.assetType != null ? form.assetType : AssetType.of(asset.mimeType);
        asset.category = blankToNull(form.category);
        asset.name = form.name.strip();
        asset.fileSize = form.fileSize;
        asset.tags = new LinkedHashSet<>(form.tags.stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).toList())
                .toArray(String[]::new);
        asset.clientId = form.clientId;
        asset.projectId = form.projectId;
        asset.thumbnailUrl = form.thumbnailUrl;
        asset.updatedAt = Instant.now();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
