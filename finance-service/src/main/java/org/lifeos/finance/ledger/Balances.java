package org.lifeos.finance.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.lifeos.finance.account.Account;
import org.lifeos.finance.account.AccountDtos.BalanceView;
import org.lifeos.finance.account.AccountService;
import org.lifeos.finance.money.Money;

/**
 * Account balances from the ledger: the opening balance (from the day the account opened) plus
 * every posted transaction up to and including the day (+ in, − out). Voided rows count nowhere.
 * Summed in SQL over numeric(19,4): exact, in the account's one currency.
 */
@ApplicationScoped
public class Balances {

    private final AccountService accounts;
    private final EntityManager entityManager;

    public Balances(AccountService accounts, EntityManager entityManager) {
        this.accounts = accounts;
        this.entityManager = entityManager;
    }

    @Transactional
    public BalanceView of(UUID accountId, LocalDate asOf) {
        Account account = accounts.get(accountId);
        BigDecimal balance = AccountService.openingOn(account, asOf).add(posted(accountId, asOf));
        return new BalanceView(account.id, asOf, account.currency, Money.format(balance, account.currency));
    }

    /** The sum of the account's posted transactions on or before {@code asOf}, signed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public BigDecimal posted(UUID accountId, LocalDate asOf) {
        return (BigDecimal) entityManager.createNativeQuery("""
                        SELECT coalesce(sum(CASE direction WHEN 'in' THEN amount ELSE -amount END), 0)
                        FROM transactions
                        WHERE account_id = ?1 AND status = 'posted' AND occurred_on <= ?2""", BigDecimal.class)
                .setParameter(1, accountId).setParameter(2, asOf).getSingleResult();
    }
}
