package org.lifeos.finance.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
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

import org.lifeos.finance.client.Client.Status;
import org.lifeos.finance.client.ClientDtos.ClientForm;
import org.lifeos.finance.client.ClientDtos.ClientView;
import org.lifeos.finance.contact.ContactService;
import org.lifeos.finance.money.Money;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.ids.Ids;
import org.lifeos.platform.tenancy.ReadOnly;
import org.lifeos.platform.tenancy.TenantContext;

/** CRM clients. Ended with status completed or churned rather than deleted; their retainer leaves MRR then. */
@ApplicationScoped
public class ClientService {

    private final EntityManager entityManager;
    private final ContactService contacts;
    private final TenantContext context;

    public ClientService(EntityManager entityManager, ContactService contacts, TenantContext context) {
        this.entityManager = entityManager;
        this.contacts = contacts;
        this.context = context;
    }

    @Transactional
    public ClientView create(ClientForm form) {
        Client client = new Client();
        client.id = Ids.next();
        client.tenantId = context.circleId();
        client.createdBy = context.userId();
        client.createdAt = Instant.now();
        apply(client, form);
        entityManager.persist(client);
        entityManager.flush();
        return ClientView.of(client);
    }

    @Transactional
    @ReadOnly
    public ClientView get(UUID id) {
        return ClientView.of(find(id, LockModeType.NONE));
    }

    @Transactional
    @ReadOnly
    public List<ClientView> list(Optional<Status> status, Keyset keyset) {
        StringBuilder query = new StringBuilder("from Client where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        status.ifPresent(s -> {
            query.append(" and status = :status");
            params.put("status", s);
        });
        if (keyset.after()) {
            query.append(" and id > :after");
            params.put("after", keyset.uuid(0));
        }
        var typed = entityManager.createQuery(query.append(" order by id").toString(), Client.class);
        params.forEach(typed::setParameter);
        return typed.setMaxResults(keyset.fetch()).getResultStream().map(ClientView::of).toList();
    }

    @Transactional
    public ClientView update(UUID id, String ifMatch, UnaryOperator<ClientForm> patch) {
        Client client = ETags.matching(find(id, LockModeType.PESSIMISTIC_WRITE), ifMatch, c -> c.version);
        apply(client, patch.apply(ClientForm.of(client)));
        entityManager.flush();
        return ClientView.of(client);
    }

    /**
     * Σ monthly retainers of the clients active now and created by {@code monthEnd}, per currency.
     * Status has no history: a client paused or churned today leaves every month's MRR.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public Map<String, BigDecimal> activeRetainers(LocalDate monthEnd) {
        Map<String, BigDecimal> sums = new HashMap<>();
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT currency, sum(monthly_retainer) FROM clients
                        WHERE status = 'active' AND monthly_retainer IS NOT NULL
                          AND created_at < (cast(?1 AS date) + 1)
                        GROUP BY currency""").setParameter(1, monthEnd).getResultList();
        rows.forEach(r -> sums.put(((String) r[0]).trim(), (BigDecimal) r[1]));
        return sums;
    }

    /**
     * For a row that belongs to a client (a project, an opportunity) and keeps its money in one
     * currency: checks that {@code clientId} is the circle's when it is new to the row (a 400 naming
     * clientId otherwise: another circle's client is not there, as no client at all), and answers
     * the currency {@code named}, or the client's when none is named.
     */
    public Currency currencyFor(UUID clientId, UUID currentClientId, String named) {
        Client client = clientId.equals(currentClientId) ? null : require(clientId);
        return Money.currency("currency", named == null && client != null ? client.currency.trim() : named);
    }

    private Client require(UUID id) {
        Client client = entityManager.find(Client.class, id);
        if (client == null) {
            throw ProblemException.badField("clientId", "no such client in this circle");
        }
        return client;
    }

    private Client find(UUID id, LockModeType lock) {
        Client client = entityManager.find(Client.class, id, lock);
        if (client == null) {
            throw ProblemException.notFound("client " + id);
        }
        return client;
    }

    private void apply(Client client, ClientForm form) {
        Currency currency = Money.currency("currency", form.currency);
        BigDecimal contract = form.contractValue == null ? null
                : Money.amount("contractValue", form.contractValue, currency, false);
        BigDecimal retainer = form.monthlyRetainer == null ? null
                : Money.amount("monthlyRetainer", form.monthlyRetainer, currency, false);
        if (form.contactId != null && !form.contactId.equals(client.contactId)) {
            contacts.requireLive("contactId", form.contactId);
        }
        client.name = form.name.strip();
        client.email = form.email;
        client.company = form.company;
        client.contactId = form.contactId;
        client.status = form.status;
        client.healthScore = form.healthScore;
        client.paymentStatus = form.paymentStatus;
        client.currency = currency.getCurrencyCode();
        client.contractValue = contract;
        client.monthlyRetainer = retainer;
        client.lastContacted = form.lastContacted;
        client.nextFollowup = form.nextFollowup;
        client.metadata = form.metadata == null ? new HashMap<>() : form.metadata;
        client.updatedAt = Instant.now();
    }
}
