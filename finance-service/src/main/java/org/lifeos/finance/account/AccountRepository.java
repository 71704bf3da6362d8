package org.lifeos.finance.account;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Accounts of the current circle (row-level security hides every other circle's). */
@ApplicationScoped
public class AccountRepository implements PanacheRepositoryBase<Account, UUID> {
}
