package org.lifeos.finance.contact;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.lifeos.finance.contact.ContactDtos.ContactForm;
import org.lifeos.finance.contact.ContactDtos.ContactView;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.crypto.Sealed;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.ids.Ids;
import org.lifeos.platform.tenancy.ReadOnly;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * Contacts of the circle. Phone and notes are sealed on write and opened only inside the
 * transaction that loads them, so views are made here. A deleted contact is only marked
 * (deleted_at): it is then 404 and never listed, and income that names it keeps its link.
 */
@ApplicationScoped
public class ContactService {

    private final EntityManager entityManager;
    private final TenantContext context;

    public ContactService(EntityManager entityManager, TenantContext context) {
        this.entityManager = entityManager;
        this.context = context;
    }

    @Transactional
    public ContactView create(ContactForm form) {
        Contact contact = new Contact();
        contact.id = Ids.next();
        contact.tenantId = context.circleId();
        contact.createdBy = context.userId();
        contact.createdAt = Instant.now();
        apply(contact, form);
        entityManager.persist(contact);
        entityManager.flush();
        return ContactView.of(contact);
    }

    @Transactional
    @ReadOnly
    public ContactView get(UUID id) {
        return ContactView.of(live(id, LockModeType.NONE));
    }

    /** The circle's live contact {@code id} for a reference in {@code field}, or a 400 naming it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requireLive(String field, UUID id) {
        Contact contact = entityManager.find(Contact.class, id);
        if (contact == null || contact.deletedAt != null) {
            throw ProblemException.badField(field, "no such contact in this circle");
        }
    }

    @Transactional
    @ReadOnly
    public List<ContactView> list(Optional<ContactType> type, Optional<Boolean> active, Keyset keyset) {
        StringBuilder query = new StringBuilder("from Contact where deletedAt is null");
        Map<String, Object> params = new HashMap<>();
        type.ifPresent(v -> {
            query.append(" and type = :type");
            params.put("type", v);
        });
        active.ifPresent(v -> {
            query.append(" and active = :active");
            params.put("active", v);
        });
        if (keyset.after()) {
            query.append(" and id > :after");
            params.put("after", keyset.uuid(0));
        }
        var typed = entityManager.createQuery(query.append(" order by id").toString(), Contact.class);
        params.forEach(typed::setParameter);
        return typed.setMaxResults(keyset.fetch()).getResultStream().map(ContactView::of).toList();
    }

    @Transactional
    public ContactView update(UUID id, String ifMatch, UnaryOperator<ContactForm> patch) {
        Contact contact = ETags.matching(live(id, LockModeType.PESSIMISTIC_WRITE), ifMatch, c -> c.version);
        apply(contact, patch.apply(ContactForm.of(contact)));
        entityManager.flush();
        return ContactView.of(contact);
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        Contact contact = ETags.matching(live(id, LockModeType.PESSIMISTIC_WRITE), ifMatch, c -> c.version);
        contact.deletedAt = Instant.now();
        contact.updatedAt = contact.deletedAt;
    }

    public static List<Object> sortKey(ContactView contact) {
        return List.of(contact.id());
    }

    private Contact live(UUID id, LockModeType lock) {
        Contact contact = entityManager.find(Contact.class, id, lock);
        if (contact == null || contact.deletedAt != null) {
            throw ProblemException.notFound("contact " + id);
        }
        return contact;
    }

    private static void apply(Contact contact, ContactForm form) {
        contact.name = form.name.strip();
        contact.type = form.type;
        contact.domainId = form.domainId;
        contact.phone = form.phone == null || form.phone.isBlank() ? null : Sealed.of(form.phone.strip());
        contact.email = form.email == null || form.email.isBlank() ? null : form.email.strip();
        contact.notes = form.notes == null || form.notes.isBlank() ? null : Sealed.of(form.notes);
        contact.rating = form.rating;
        contact.active = form.active;
        contact.lastInteraction = form.lastInteraction;
        contact.metadata = form.metadata == null ? new java.util.HashMap<>() : form.metadata;
        contact.updatedAt = Instant.now();
    }
}
