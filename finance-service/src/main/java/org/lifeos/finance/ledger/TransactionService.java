package org.lifeos.finance.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.lifeos.contracts.finance.TransactionChanged;
import org.lifeos.finance.account.Account;
import org.lifeos.finance.account.AccountService;
import org.lifeos.finance.category.CategoryService;
import org.lifeos.finance.ledger.LedgerEnums.Direction;
import org.lifeos.finance.ledger.LedgerEnums.Status;
import org.lifeos.finance.ledger.TransactionDtos.TransactionEdit;
import org.lifeos.finance.ledger.TransactionDtos.TransactionForm;
import org.lifeos.finance.ledger.TransactionDtos.TransferForm;
import org.lifeos.finance.money.Money;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.Problem;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.ids.Ids;
import org.lifeos.platform.outbox.Outbox;
import org.lifeos.platform.tenancy.ReadOnly;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * The ledger. A transaction is written into an open account of the circle, in the account's
 * currency, with a positive amount and a direction; its month's partition is made first when
 * missing. Rows are never deleted: a void keeps the row (status voided), logs the change in
 * transaction_logs and announces it; voiding either row of a transfer voids both. Every posting
 * and void is published on {@code finance.transaction} in the same transaction.
 */
@ApplicationScoped
public class TransactionService {

    /** How far ahead of today a transaction may be dated. */
    private static final int MAX_YEARS_AHEAD = 1;
    private static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);

    private final EntityManager entityManager;
    private final AccountService accounts;
    private final CategoryService categories;
    private final TransactionPartitions partitions;
    private final Outbox outbox;
    private final TenantContext context;
    private final Event<LedgerChanged> changed;

    public TransactionService(EntityManager entityManager, AccountService accounts, CategoryService categories,
                              TransactionPartitions partitions, Outbox outbox, TenantContext context,
                              Event<LedgerChanged> changed) {
        this.entityManager = entityManager;
        this.accounts = accounts;
        this.categories = categories;
        this.partitions = partitions;
        this.outbox = outbox;
        this.context = context;
        this.changed = changed;
    }

    @Transactional
    public LedgerTransaction create(TransactionForm form) {
        Currency currency = Money.currency("currency", form.currency);
        BigDecimal amount = Money.positive("amount", form.amount, currency);
        LocalDate day = date("occurredOn", form.occurredOn);
        // First, before this transaction locks anything the new partition's constraints need.
        partitions.ensure(day);
        Account account = accounts.lock(form.accountId);
        AccountService.requireOpen(account, "accountId");
        requireCurrency(account, currency, "currency");
        UUID category = form.categoryId != null ? categories.reference("categoryId", form.categoryId).id
                : categories.categorise(form.payee).orElse(null);
        LedgerTransaction row = row(account, form.direction, amount, day, form.payee, form.memo, category,
                form.tags.stream().map(String::strip).distinct().toList(), null);
        entityManager.persist(row);
        entityManager.flush();
        posted(List.of(row));
        return row;
    }

    /** Two linked rows, out of one account and into the other, in one transaction; or nothing. */
    @Transactional
    public List<LedgerTransaction> transfer(TransferForm form) {
        Currency currency = Money.currency("currency", form.currency);
        BigDecimal amount = Money.positive("amount", form.amount, currency);
        LocalDate day = date("occurredOn", form.occurredOn);
        if (form.fromAccountId.equals(form.toAccountId)) {
            throw ProblemException.badField("toAccountId", "must be another account than fromAccountId");
        }
        partitions.ensure(day);
        // Both locked, in id order, so that two opposite transfers cannot deadlock.
        List<UUID> order = Stream.of(form.fromAccountId, form.toAccountId).sorted().toList();
        accounts.lock(order.get(0));
        accounts.lock(order.get(1));
        Account from = accounts.lock(form.fromAccountId);
        Account to = accounts.lock(form.toAccountId);
        AccountService.requireOpen(from, "fromAccountId");
        AccountService.requireOpen(to, "toAccountId");
        requireCurrency(from, currency, "currency");
        requireCurrency(to, currency, "currency");
        UUID transfer = Ids.next();
        UUID category = null;
        LedgerTransaction out = row(from, Direction.OUT, amount, day, to.name, form.memo, category, List.of(), transfer);
        LedgerTransaction in = row(to, Direction.IN, amount, day, from.name, form.memo, category, List.of(), transfer);
        entityManager.persist(out);
        entityManager.persist(in);
        entityManager.flush();
        posted(List.of(out, in));
        return List.of(out, in);
    }

    /** A row an import writes: already parsed and checked against the account. */
    public record NewRow(Direction direction, BigDecimal amount, LocalDate occurredOn, String payee, String memo,
                         UUID categoryId, String importHash) {
    }

    /**
     * Posts {@code rows} into {@code account} (locked by the caller, open, in the rows' currency;
     * their months' partitions made), flushing in batches. Each is logged and published as any posting.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<LedgerTransaction> postAll(Account account, List<NewRow> rows) {
        // Each posting's log and outbox event run native statements, and under the default AUTO
        // flush mode every one of them flushes (and dirty-checks) the whole, growing persistence
        // context: quadratic in the batch. The rows are flushed explicitly before any of those
        // statements needs them (budgets sum the flushed rows), so AUTO buys nothing here.
        FlushModeType flushMode = entityManager.getFlushMode();
        entityManager.setFlushMode(FlushModeType.COMMIT);
        try {
            List<LedgerTransaction> written = new java.util.ArrayList<>(rows.size());
            for (NewRow each : rows) {
                LedgerTransaction row = row(account, each.direction(), each.amount(),
                        date("occurredOn", each.occurredOn()), each.payee(), each.memo(), each.categoryId(), List.of(),
                        null);
                row.importHash = each.importHash();
                entityManager.persist(row);
                written.add(row);
                if (written.size() % 500 == 0) {
                    entityManager.flush();
                }
            }
            entityManager.flush();
            posted(written);
            entityManager.flush();
            return written;
        } finally {
            entityManager.setFlushMode(flushMode);
        }
    }

    @Transactional
    @ReadOnly
    public LedgerTransaction get(UUID id) {
        return Optional.ofNullable(entityManager.find(LedgerTransaction.class, id))
                .orElseThrow(() -> ProblemException.notFound("transaction " + id));
    }

    @Transactional
    @ReadOnly
    @SuppressWarnings("unchecked")
    public List<LedgerTransaction> list(TransactionQuery filter, Keyset keyset) {
        TransactionQuery.Sql sql = filter.page(context.circleId(), keyset);
        var query = entityManager.createNativeQuery(sql.text(), LedgerTransaction.class);
        for (int i = 0; i < sql.parameters().size(); i++) {
            query.setParameter(i + 1, sql.parameters().get(i));
        }
        return query.getResultList();
    }

    /**
     * Voids the transaction (and the other row of its transfer): the rows stay, with status voided
     * and a log entry each. A void of a void is a 409.
     */
    @Transactional
    public LedgerTransaction voidTransaction(UUID id, String reason) {
        LedgerTransaction row = entityManager.find(LedgerTransaction.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            throw ProblemException.notFound("transaction " + id);
        }
        if (row.status == Status.VOIDED) {
            throw new ProblemException(ProblemType.CONFLICT, "Transaction " + id + " is already voided",
                    List.of(new Problem.FieldError("status", "is voided")));
        }
        List<LedgerTransaction> rows = row.transferId == null ? List.of(row)
                : entityManager.createQuery("from LedgerTransaction where transferId = :transfer order by id",
                        LedgerTransaction.class).setParameter("transfer", row.transferId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        Instant now = Instant.now();
        for (LedgerTransaction each : rows) {
            if (each.status == Status.VOIDED) {
                continue;
            }
            each.status = Status.VOIDED;
            each.updatedAt = now;
            log(each, Status.POSTED, Status.VOIDED, reason);
        }
        entityManager.flush();
        for (LedgerTransaction each : rows) {
            publish("transaction.voided", each);
            changed.fire(new LedgerChanged(each.categoryId, each.occurredOn, each.currency));
        }
        return row;
    }

    /**
     * Changes a posted transaction's payee, memo, category and tags (the form {@code edit} makes from
     * the current ones), logging each changed field's old and new value; a voided one is a 409. Its
     * amount, account, direction, currency and date never change: void it and post a new one.
     */
    @Transactional
    public LedgerTransaction edit(UUID id, String ifMatch, UnaryOperator<TransactionEdit> edit) {
        LedgerTransaction row = entityManager.find(LedgerTransaction.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            throw ProblemException.notFound("transaction " + id);
        }
        ETags.matching(row, ifMatch, r -> r.version);
        if (row.status == Status.VOIDED) {
            throw new ProblemException(ProblemType.CONFLICT, "Transaction " + id + " is voided and cannot change",
                    List.of(new Problem.FieldError("status", "is voided")));
        }
        TransactionEdit next = edit.apply(TransactionEdit.of(row));
        String payee = next.payee == null || next.payee.isBlank() ? null : next.payee.strip();
        UUID category = next.categoryId == null ? null
                : next.categoryId.equals(row.categoryId) ? row.categoryId
                : categories.reference("categoryId", next.categoryId).id;
        List<String> tags = next.tags == null ? List.of() : next.tags.stream().map(String::strip).distinct().toList();
        java.util.Map<String, java.util.Map<String, Object>> changes = new java.util.TreeMap<>();
        change(changes, "payee", row.payee, payee);
        change(changes, "memo", row.memo, next.memo);
        change(changes, "categoryId", row.categoryId, category);
        change(changes, "tags", row.tags, tags);
        if (changes.isEmpty()) {
            return row;
        }
        UUID oldCategory = row.categoryId;
        row.payee = payee;
        row.memo = next.memo;
        row.categoryId = category;
        row.tags = new java.util.ArrayList<>(tags);
        row.updatedAt = Instant.now();
        log(row, Status.POSTED, Status.POSTED, "edited", changes);
        entityManager.flush();
        publish("transaction.updated", row);
        if (!java.util.Objects.equals(oldCategory, category)) {
            changed.fire(new LedgerChanged(oldCategory, row.occurredOn, row.currency));
            changed.fire(new LedgerChanged(category, row.occurredOn, row.currency));
        }
        return row;
    }

    private static void change(java.util.Map<String, java.util.Map<String, Object>> changes, String field,
                               Object from, Object to) {
        if (!java.util.Objects.equals(from, to)) {
            java.util.Map<String, Object> pair = new java.util.LinkedHashMap<>();
            pair.put("from", from instanceof UUID u ? u.toString() : from);
            pair.put("to", to instanceof UUID u ? u.toString() : to);
            changes.put(field, pair);
        }
    }

    @Transactional
    @ReadOnly
    public List<TransactionLog> logs(UUID id) {
        get(id);
        return entityManager.createQuery("from TransactionLog where transactionId = :id", TransactionLog.class)
                .setParameter("id", id).getResultStream()
                .sorted(Comparator.comparing((TransactionLog l) -> l.changedAt).thenComparing(l -> l.id)).toList();
    }

    private LedgerTransaction row(Account account, Direction direction, BigDecimal amount, LocalDate day, String payee,
                                  String memo, UUID category, List<String> tags, UUID transfer) {
        LedgerTransaction row = new LedgerTransaction();
        row.id = Ids.next();
        row.tenantId = context.circleId();
        row.accountId = account.id;
        row.direction = direction;
        row.amount = amount;
        row.currency = account.currency;
        row.occurredOn = day;
        row.payee = payee == null || payee.isBlank() ? null : payee.strip();
        row.memo = memo;
        row.categoryId = category;
        row.tags = new java.util.ArrayList<>(tags);
        row.status = Status.POSTED;
        row.transferId = transfer;
        row.createdBy = context.userId();
        row.createdAt = Instant.now();
        row.updatedAt = row.createdAt;
        return row;
    }

    /**
     * Flushed rows just posted: their log entries, their events in order (one batch for an
     * import's thousands), then the budgets they touch, whose "exceeded" follows the postings.
     */
    private void posted(List<LedgerTransaction> rows) {
        rows.forEach(row -> log(row, null, Status.POSTED, null));
        outbox.publishAll(TransactionChanged.TOPIC, "transaction.posted",
                rows.stream().map(TransactionService::changed).toList());
        rows.forEach(row -> changed.fire(new LedgerChanged(row.categoryId, row.occurredOn, row.currency)));
    }

    private void log(LedgerTransaction row, Status from, Status to, String reason) {
        log(row, from, to, reason, null);
    }

    private void log(LedgerTransaction row, Status from, Status to, String reason,
                     java.util.Map<String, java.util.Map<String, Object>> changes) {
        TransactionLog log = new TransactionLog();
        log.id = Ids.next();
        log.tenantId = row.tenantId;
        log.transactionId = row.id;
        log.oldStatus = from;
        log.newStatus = to;
        log.reason = reason;
        log.changedBy = context.userId();
        log.changes = changes;
        log.changedAt = Instant.now();
        entityManager.persist(log);
    }

    private void publish(String type, LedgerTransaction row) {
        outbox.publish(TransactionChanged.TOPIC, type, changed(row));
    }

    private static TransactionChanged changed(LedgerTransaction row) {
        return new TransactionChanged(row.id, row.accountId, row.direction.toString(),
                Money.format(row.amount, row.currency), row.currency, row.occurredOn, row.categoryId,
                row.status.toString(), row.transferId, row.version);
    }

    private static void requireCurrency(Account account, Currency currency, String field) {
        if (!account.currency.equals(currency.getCurrencyCode())) {
            throw ProblemException.badField(field, "must be the account's currency " + account.currency
                    + " (account " + account.id + ")");
        }
    }

    /** A ledger date: from 1970 to a year ahead of today (the partitions made on demand stay bounded). */
    public static LocalDate date(String field, LocalDate day) {
        if (day == null) {
            throw ProblemException.badField(field, "is required");
        }
        LocalDate latest = LocalDate.now(ZoneOffset.UTC).plusYears(MAX_YEARS_AHEAD);
        if (day.isBefore(EARLIEST) || day.isAfter(latest)) {
            throw ProblemException.badField(field, "must be between " + EARLIEST + " and " + latest);
        }
        return day;
    }
}
