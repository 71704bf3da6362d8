package org.lifeos.health.medical;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lifeos.health.medical.MedicalEntryDtos.MedicalEntryForm;
import org.lifeos.health.medical.MedicalEntryDtos.MedicalEntryView;
import org.lifeos.health.share.ShareRepository;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.crypto.Sealed;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.tenancy.ReadOnly;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * A member's medical entries. Only the owner writes them; a member they are shared with reads them
 * (row-level security decides what is visible; this class decides that only the owner writes).
 * Views are built inside the transaction, where the sealed details can open.
 */
@ApplicationScoped
public class MedicalEntryService {

    private final MedicalEntryRepository entries;
    private final ShareRepository shares;
    private final TenantContext context;

    public MedicalEntryService(MedicalEntryRepository entries, ShareRepository shares, TenantContext context) {
        this.entries = entries;
        this.shares = shares;
        this.context = context;
    }

    @Transactional
    public MedicalEntryView create(MedicalEntryForm form) {
        MedicalEntry entry = new MedicalEntry(context.circleId(), context.userId());
        return save(entry, form, true);
    }

    @Transactional
    @ReadOnly
    public MedicalEntryView get(UUID id) {
        return MedicalEntryView.of(visible(id), context.userId());
    }

    @Transactional
    @ReadOnly
    public List<MedicalEntryView> list(MedicalEntryRepository.Filter filter, Keyset keyset) {
        UUID reader = context.userId();
        return entries.page(filter, keyset).stream().map(e -> MedicalEntryView.of(e, reader)).toList();
    }

    @Transactional
    public MedicalEntryView update(UUID id, String ifMatch, UnaryOperator<MedicalEntryForm> patch) {
        MedicalEntry entry = ETags.matching(owned(id), ifMatch, e -> e.version);
        return save(entry, patch.apply(MedicalEntryForm.of(entry)), false);
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        entries.delete(ETags.matching(owned(id), ifMatch, e -> e.version));
    }

    /**
     * Brings the shared copy of the owner's entries that a share of {@code entryId} or
     * {@code type} reaches in line with the shares now in force: sealed with the circle's key while
     * a share covers the entry, gone when none does. Runs in the caller's (the owner's) transaction.
     */
    public void reseal(UUID entryId, EntryType type) {
        for (MedicalEntry entry : entries.ownedMatching(context.userId(), entryId, type)) {
            reseal(entry);
        }
        entries.flush();
    }

    /** The entry if the caller owns it; 404 if they cannot see it, 403 if it is only shared with them. */
    public MedicalEntry owned(UUID id) {
        MedicalEntry entry = visible(id);
        if (!entry.ownerId.equals(context.userId())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Medical entry " + id
                    + " is shared with you read-only; only its owner changes it");
        }
        return entry;
    }

    private MedicalEntry visible(UUID id) {
        return entries.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("medical entry " + id));
    }

    private MedicalEntryView save(MedicalEntry entry, MedicalEntryForm form, boolean create) {
        boolean detailsChanged = create || !Objects.equals(form.details,
                entry.details == null ? null : entry.details.open());
        entry.date = form.date;
        entry.type = form.type;
        entry.title = form.title.strip();
        entry.provider = form.provider;
        entry.nextDate = form.nextDate;
        if (detailsChanged) {
            entry.details = form.details == null ? null : Sealed.of(form.details);
            entry.sharedDetails = null;
        }
        reseal(entry);
        if (create) {
            entries.persist(entry);
        }
        entries.flush();
        return MedicalEntryView.of(entry, context.userId());
    }

    private void reseal(MedicalEntry entry) {
        boolean covered = entry.details != null && shares.covers(entry.ownerId, entry.id, entry.type);
        if (covered && entry.sharedDetails == null) {
            entry.sharedDetails = Sealed.of(entry.details.open());
        } else if (!covered && entry.sharedDetails != null) {
            entry.sharedDetails = null;
        }
    }
}
