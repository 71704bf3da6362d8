package org.lifeos.finance.account;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.lifeos.finance.account.AccountDtos.AccountForm;
import org.lifeos.finance.money.Money;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.ids.Ids;
import org.lifeos.platform.tenancy.ReadOnly;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * Accounts and their history: every change writes an {@code account_audit_logs} row in the same
 * transaction. Type and currency are fixed once the account exists (its transactions are in that
 * currency); an account is archived, never deleted.
 */
@ApplicationScoped
public class AccountService {

    private final AccountRepository accounts;
    private final EntityManager entityManager;
    private final TenantContext context;

    public AccountService(AccountRepository accounts, EntityManager entityManager, TenantContext context) {
        this.accounts = accounts;
        this.entityManager = entityManager;
        this.context = context;
    }

    @Transactional
    public Account create(AccountForm form) {
        Currency currency = Money.currency("currency", form.currency);
        Account account = new Account();
        account.id = Ids.next();
        account.tenantId = context.circleId();
        account.ownerId = context.userId();
        account.createdBy = context.userId();
        account.createdAt = Instant.now();
        account.type = form.type;
        account.currency = currency.getCurrencyCode();
        apply(account, form, currency);
        accounts.persist(account);
        accounts.flush();
        audit(account, "created", Map.of("type", account.type.toString(), "currency", account.currency,
                "openingBalance", Money.format(account.openingBalance, currency)));
        return account;
    }

    @Transactional
    @ReadOnly
    public Account get(UUID id) {
        return accounts.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("account " + id));
    }

    /** The account, locked for a write that depends on it (a transaction into it); 404 when not the circle's. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Account lock(UUID id) {
        Account account = accounts.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw ProblemException.notFound("account " + id);
        }
        return account;
    }

    @Transactional
    @ReadOnly
    public List<Account> list(Optional<Boolean> archived, Optional<AccountType> type, Keyset keyset) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        archived.ifPresent(value -> query.append(value ? " and archivedAt is not null" : " and archivedAt is null"));
        type.ifPresent(value -> {
            query.append(" and type = :type");
            params.put("type", value);
        });
        if (keyset.after()) {
            query.append(" and id > :after");
            params.put("after", keyset.uuid(0));
        }
        query.append(" order by id");
        return accounts.find(query.toString(), params).page(0, keyset.fetch()).list();
    }

    @Transactional
    public Account update(UUID id, String ifMatch, UnaryOperator<AccountForm> patch) {
        Account account = ETags.matching(lock(id), ifMatch, a -> a.version);
        AccountForm form = patch.apply(AccountForm.of(account));
        if (form.type != account.type) {
            throw ProblemException.badField("type", "is fixed once the account exists");
        }
        if (!Objects.equals(form.currency, account.currency)) {
            throw ProblemException.badField("currency", "is fixed once the account exists");
        }
        Map<String, Object> before = snapshot(account);
        apply(account, form, Currency.getInstance(account.currency));
        Map<String, Object> changes = changes(before, snapshot(account));
        if (!changes.isEmpty()) {
            account.updatedAt = Instant.now();
            accounts.flush();
            audit(account, "updated", changes);
        }
        return account;
    }

    /** Archives (or, with {@code archived} false, restores) the account; idempotent. */
    @Transactional
    public Account archive(UUID id, String ifMatch, boolean archived) {
        Account account = ETags.matching(lock(id), ifMatch, a -> a.version);
        if ((account.archivedAt != null) == archived) {
            return account;
        }
        account.archivedAt = archived ? Instant.now() : null;
        account.updatedAt = Instant.now();
        accounts.flush();
        audit(account, archived ? "archived" : "unarchived", Map.of());
        return account;
    }

    /** The account's audit log, oldest first. */
    @Transactional
    public List<AccountAuditLog> auditLogs(UUID id, Keyset keyset) {
        get(id);
        var query = entityManager.createQuery("from AccountAuditLog where accountId = :account"
                + (keyset.after() ? " and id > :after" : "") + " order by id", AccountAuditLog.class)
                .setParameter("account", id);
        if (keyset.after()) {
            query.setParameter("after", keyset.uuid(0));
        }
        return query.setMaxResults(keyset.fetch()).getResultList();
    }

    /** The day a balance is asked for when the client names none. */
    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** The opening balance as it stands on {@code asOf}: nothing before the account was opened. */
    public static BigDecimal openingOn(Account account, LocalDate asOf) {
        return asOf.isBefore(account.openedOn) ? BigDecimal.ZERO : account.openingBalance;
    }

    public static List<Object> sortKey(Account account) {
        return List.of(account.id);
    }

    private void apply(Account account, AccountForm form, Currency currency) {
        SecretLooking.refuse("name", form.name);
        SecretLooking.refuse("institution", form.institution);
        SecretLooking.refuse("cryptoAddress", form.cryptoAddress);
        if (form.cryptoAddress != null && !form.cryptoAddress.isBlank() && form.type != AccountType.CRYPTO) {
            throw ProblemException.badField("cryptoAddress", "only a crypto account has an address");
        }
        account.name = form.name.strip();
        account.institution = blankToNull(form.institution);
        account.cryptoAddress = blankToNull(form.cryptoAddress);
        account.openingBalance = Money.amount("openingBalance", form.openingBalance == null ? "0" : form.openingBalance,
                currency, true);
        account.openedOn = form.openedOn != null ? form.openedOn : today();
        account.updatedAt = Instant.now();
    }

    private void audit(Account account, String action, Map<String, Object> metadata) {
        AccountAuditLog log = new AccountAuditLog();
        log.id = Ids.next();
        log.tenantId = account.tenantId;
        log.accountId = account.id;
        log.action = action;
        log.metadata = metadata;
        log.actorId = context.userId();
        log.createdAt = Instant.now();
        entityManager.persist(log);
    }

    private static Map<String, Object> snapshot(Account account) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", account.name);
        values.put("institution", account.institution);
        values.put("openingBalance", account.openingBalance == null ? null
                : Money.format(account.openingBalance, account.currency));
        values.put("openedOn", account.openedOn == null ? null : account.openedOn.toString());
        values.put("cryptoAddress", account.cryptoAddress);
        return values;
    }

    /** What changed, as {field: {from, to}}. */
    private static Map<String, Object> changes(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> changed = new LinkedHashMap<>();
        before.forEach((field, old) -> {
            Object now = after.get(field);
            if (!Objects.equals(old, now)) {
                Map<String, Object> change = new HashMap<>();
                change.put("from", old);
                change.put("to", now);
                changed.put(field, change);
            }
        });
        return changed;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A write into an archived account is a conflict: restore it first. */
    public static void requireOpen(Account account, String field) {
        if (account.archivedAt != null) {
            throw new ProblemException(ProblemType.CONFLICT, "Account " + account.id + " is archived; "
                    + "POST /api/v1/accounts/" + account.id + "/unarchive first",
                    List.of(new org.lifeos.platform.error.Problem.FieldError(field, "is archived")));
        }
    }
}
