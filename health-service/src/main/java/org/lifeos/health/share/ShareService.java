package org.lifeos.health.share;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lifeos.health.medical.MedicalEntryService;
import org.lifeos.health.share.ShareDtos.ShareForm;
import org.lifeos.health.share.ShareDtos.ShareView;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.tenancy.ReadOnly;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * Shares of medical entries with named members of the circle. A shared entry's details are
 * re-sealed in the owner's transaction: a copy under the circle's PHI key while a share covers
 * it (the grantee cannot open the owner's private key), removed when the last such share goes.
 */
@ApplicationScoped
public class ShareService {

    private static final UUID FIRST = new UUID(0, 0);

    private final ShareRepository shares;
    private final MedicalEntryService entries;
    private final TenantContext context;

    public ShareService(ShareRepository shares, MedicalEntryService entries, TenantContext context) {
        this.shares = shares;
        this.entries = entries;
        this.context = context;
    }

    @Transactional
    public ShareView create(ShareForm form) {
        UUID owner = context.userId();
        if ((form.entryId == null) == (form.entryType == null)) {
            throw ProblemException.badField(form.entryId == null ? "entryId" : "entryType",
                    "give exactly one of entryId and entryType");
        }
        if (form.granteeId.equals(owner)) {
            throw ProblemException.badField("granteeId", "is you; share with another member of the circle");
        }
        if (form.entryId != null) {
            try {
                entries.owned(form.entryId);
            } catch (ProblemException e) {
                throw ProblemException.badField("entryId", "is not one of your medical entries");
            }
        }
        if (shares.exists(owner, form.granteeId, form.entryId, form.entryType)) {
            throw new ProblemException(ProblemType.CONFLICT, "That is already shared with " + form.granteeId);
        }
        HealthShare share = new HealthShare(context.circleId(), owner, form.granteeId, form.entryId, form.entryType);
        shares.persistAndFlush(share);
        entries.reseal(form.entryId, form.entryType);
        return ShareView.of(share);
    }

    @Transactional
    @ReadOnly
    public List<ShareView> list(Keyset keyset) {
        return shares.page(context.userId(), keyset.uuidOr(0, FIRST), keyset.fetch()).stream().map(ShareView::of)
                .toList();
    }

    @Transactional
    @ReadOnly
    public ShareView get(UUID id) {
        return ShareView.of(find(id));
    }

    /** The owner withdraws a share, or the grantee gives it up. */
    @Transactional
    public void delete(UUID id) {
        HealthShare share = find(id);
        shares.delete(share);
        shares.flush();
        if (share.ownerId.equals(context.userId())) {
            entries.reseal(share.entryId, share.entryType);
        }
        // A grantee giving a share up cannot reach the owner's rows; the shared copy stays until the
        // owner next writes or shares (no one else can read it: no share covers it any more).
    }

    private HealthShare find(UUID id) {
        return shares.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("share " + id));
    }
}
