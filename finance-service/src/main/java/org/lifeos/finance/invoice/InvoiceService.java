package org.lifeos.finance.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.lifeos.contracts.finance.InvoicePaid;
import org.lifeos.finance.contact.ContactService;
import org.lifeos.finance.income.IncomeDtos.IncomeForm;
import org.lifeos.finance.income.IncomeEntry.SourceType;
import org.lifeos.finance.income.IncomeService;
import org.lifeos.finance.invoice.InvoiceDtos.BillableForm;
import org.lifeos.finance.invoice.InvoiceDtos.BillableView;
import org.lifeos.finance.invoice.InvoiceDtos.InvoiceForm;
import org.lifeos.finance.invoice.InvoiceDtos.InvoiceView;
import org.lifeos.finance.money.Money;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.ids.Ids;
import org.lifeos.platform.outbox.Outbox;
import org.lifeos.platform.tenancy.ReadOnly;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * Billable time and invoices. An invoice groups unbilled entries of one currency (locked, so two
 * invoices never bill one entry) and takes the next number of its circle and year from
 * invoice_counters in the same transaction: numbers have no gaps, even under concurrent creation.
 * Paying an invoice records its income entry (source invoice) exactly once.
 */
@ApplicationScoped
public class InvoiceService {

    private final EntityManager entityManager;
    private final ContactService contacts;
    private final IncomeService income;
    private final Outbox outbox;
    private final TenantContext context;

    public InvoiceService(EntityManager entityManager, ContactService contacts, IncomeService income,
                          TenantContext context, Outbox outbox) {
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.contacts = contacts;
        this.income = income;
        this.context = context;
    }

    /** hours × rate, rounded half-up to the currency's decimals. */
    static BigDecimal amount(BillableEntry entry) {
        return entry.hours.multiply(entry.rate)
                .setScale(Money.decimals(Currency.getInstance(entry.currency)), RoundingMode.HALF_UP);
    }

    /** A billing rate in {@code currency}: billable_entries.rate is numeric(10,2); a 400 naming rate otherwise. */
    static BigDecimal rate(String text, Currency currency) {
        BigDecimal rate = Money.amount("rate", text, currency, false);
        if (rate.stripTrailingZeros().scale() > 2 || rate.precision() - rate.scale() > 8) {
            throw ProblemException.badField("rate", "at most 8 digits before the point and 2 after");
        }
        return rate.setScale(2, RoundingMode.UNNECESSARY);
    }

    @Transactional
    public BillableView createEntry(BillableForm form) {
        Currency currency = Money.currency("currency", form.currency);
        BigDecimal rate = rate(form.rate, currency);
        BigDecimal hours = decimal("hours", form.hours);
        BillableEntry entry = new BillableEntry();
        entry.id = Ids.next();
        entry.tenantId = context.circleId();
        entry.date = form.date;
        entry.hours = hours;
        entry.rate = rate;
        entry.currency = currency.getCurrencyCode();
        entry.description = form.description;
        entry.domainId = form.domainId;
        entry.taskId = form.taskId;
        entry.createdBy = context.userId();
        entry.createdAt = Instant.now();
        entry.updatedAt = entry.createdAt;
        entityManager.persist(entry);
        entityManager.flush();
        return BillableView.of(entry);
    }

    @Transactional
    public BillableView entry(UUID id) {
        return Optional.ofNullable(entityManager.find(BillableEntry.class, id)).map(BillableView::of)
                .orElseThrow(() -> ProblemException.notFound("billable entry " + id));
    }

    @Transactional
    public List<BillableView> entries(Optional<Boolean> invoiced, Keyset keyset) {
        StringBuilder query = new StringBuilder("from BillableEntry where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        invoiced.ifPresent(v -> {
            query.append(" and invoiced = :invoiced");
            params.put("invoiced", v);
        });
        if (keyset.after()) {
            query.append(" and id > :after");
            params.put("after", keyset.uuid(0));
        }
        var typed = entityManager.createQuery(query.append(" order by id").toString(), BillableEntry.class);
        params.forEach(typed::setParameter);
        return typed.setMaxResults(keyset.fetch()).getResultStream().map(BillableView::of).toList();
    }

    @Transactional
    public InvoiceView create(InvoiceForm form) {
        Currency currency = Money.currency("currency", form.currency);
        if (form.contactId != null) {
            contacts.requireLive("contactId", form.contactId);
        }
        List<BillableEntry> entries;
        if (form.entryIds != null) {
            if (form.entryIds.isEmpty()) {
                throw ProblemException.badField("entryIds", "must name at least one entry (or be absent)");
            }
            entries = entityManager.createQuery("from BillableEntry where id in :ids order by id", BillableEntry.class)
                    .setParameter("ids", form.entryIds).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
            if (entries.size() != form.entryIds.stream().distinct().count()) {
                throw ProblemException.badField("entryIds", "names an entry that is not this circle's");
            }
            for (BillableEntry entry : entries) {
                if (!entry.currency.equals(currency.getCurrencyCode())) {
                    throw ProblemException.badField("entryIds", "entry " + entry.id + " is in " + entry.currency);
                }
                if (entry.invoiced) {
                    throw new ProblemException(ProblemType.CONFLICT, "Entry " + entry.id + " is already invoiced");
                }
            }
        } else {
            entries = entityManager.createQuery("from BillableEntry where invoiced = false and currency = :currency "
                            + "order by id", BillableEntry.class)
                    .setParameter("currency", currency.getCurrencyCode())
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
            if (entries.isEmpty()) {
                throw new ProblemException(ProblemType.CONFLICT, "No unbilled " + currency.getCurrencyCode()
                        + " entries to invoice");
            }
        }
        LocalDate issued = form.issuedOn != null ? form.issuedOn : LocalDate.now(ZoneOffset.UTC);
        Invoice invoice = new Invoice();
        invoice.id = Ids.next();
        invoice.tenantId = context.circleId();
        invoice.year = issued.getYear();
        invoice.number = next(invoice.year);
        invoice.contactId = form.contactId;
        invoice.currency = currency.getCurrencyCode();
        invoice.total = entries.stream().map(InvoiceService::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        invoice.status = "issued";
        invoice.issuedOn = issued;
        invoice.createdBy = context.userId();
        invoice.createdAt = Instant.now();
        invoice.updatedAt = invoice.createdAt;
        entityManager.persist(invoice);
        entityManager.flush();
        for (BillableEntry entry : entries) {
            entry.invoiced = true;
            entry.invoiceId = invoice.id;
            entry.updatedAt = invoice.createdAt;
        }
        entityManager.flush();
        return view(invoice);
    }

    @Transactional
    @ReadOnly
    public InvoiceView get(UUID id) {
        return view(find(id, LockModeType.NONE));
    }

    @Transactional
    @ReadOnly
    public List<InvoiceView> list(Keyset keyset) {
        var query = entityManager.createQuery("from Invoice" + (keyset.after()
                ? " where year < :year or (year = :year and number < :number)" : "")
                + " order by year desc, number desc", Invoice.class);
        if (keyset.after()) {
            query.setParameter("year", keyset.integer(0)).setParameter("number", keyset.integer(1));
        }
        return query.setMaxResults(keyset.fetch()).getResultStream().map(this::view).toList();
    }

    /** Marks the invoice paid and records its income entry, once: paying a paid invoice is a 409. */
    @Transactional
    public InvoiceView pay(UUID id, LocalDate paidOn) {
        Invoice invoice = find(id, LockModeType.PESSIMISTIC_WRITE);
        if (invoice.incomeId != null) {
            throw new ProblemException(ProblemType.CONFLICT, "Invoice " + invoice.reference() + " is already paid");
        }
        IncomeForm form = new IncomeForm();
        form.date = paidOn != null ? paidOn : LocalDate.now(ZoneOffset.UTC);
        form.amount = Money.format(invoice.total, invoice.currency);
        form.currency = invoice.currency;
        form.sourceType = SourceType.INVOICE;
        form.description = "Invoice " + invoice.reference();
        form.contactId = invoice.contactId;
        if (invoice.total.signum() <= 0) {
            throw new ProblemException(ProblemType.CONFLICT, "Invoice " + invoice.reference() + " totals zero");
        }
        invoice.incomeId = income.create(form).id();
        invoice.status = "paid";
        invoice.paidOn = form.date;
        invoice.updatedAt = Instant.now();
        entityManager.flush();
        outbox.publish(InvoicePaid.TOPIC, InvoicePaid.PAID, new InvoicePaid(invoice.id, invoice.reference(),
                invoice.contactId, invoice.paidOn, Money.format(invoice.total, invoice.currency), invoice.currency,
                invoice.incomeId));
        return view(invoice);
    }

    public static List<Object> sortKey(InvoiceView view) {
        return List.of(view.year(), view.number());
    }

    /** The next number of the circle's year; the counter row stays locked until this transaction ends. */
    private int next(int year) {
        return ((Number) entityManager.createNativeQuery("""
                        INSERT INTO invoice_counters (tenant_id, year, last_number) VALUES (?1, ?2, 1)
                        ON CONFLICT (tenant_id, year) DO UPDATE SET last_number = invoice_counters.last_number + 1
                        RETURNING last_number""")
                .setParameter(1, context.circleId()).setParameter(2, year).getSingleResult()).intValue();
    }

    private InvoiceView view(Invoice invoice) {
        List<UUID> entryIds = entityManager.createQuery("select e.id from BillableEntry e where e.invoiceId = :invoice "
                + "order by e.id", UUID.class).setParameter("invoice", invoice.id).getResultList();
        return new InvoiceView(invoice.id, invoice.reference(), invoice.year, invoice.number, invoice.currency,
                Money.format(invoice.total, invoice.currency), invoice.status, invoice.issuedOn, invoice.paidOn,
                invoice.incomeId, invoice.contactId, entryIds, invoice.createdAt, invoice.version);
    }

    private Invoice find(UUID id, LockModeType lock) {
        Invoice invoice = entityManager.find(Invoice.class, id, lock);
        if (invoice == null) {
            throw ProblemException.notFound("invoice " + id);
        }
        return invoice;
    }

    private static BigDecimal decimal(String field, String text) {
        if (text == null || !text.strip().matches("\\d{1,3}(\\.\\d{1,2})?")) {
            throw ProblemException.badField(field, "must be a decimal string like \"1.50\" (up to 999.99)");
        }
        BigDecimal value = new BigDecimal(text.strip());
        if (value.signum() <= 0) {
            throw ProblemException.badField(field, "must be more than zero");
        }
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }
}
