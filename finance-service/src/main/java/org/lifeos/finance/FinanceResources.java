package org.lifeos.finance;

/**
 * What finance-service's {@code @Access} checks name: the circle policy's resources and the OAuth
 * scopes a token needs. One list, so a typo is a compile error rather than a resource no policy grants.
 */
public final class FinanceResources {

    public static final String READ = "finance:read";
    public static final String WRITE = "finance:write";

    public static final String ACCOUNTS = "accounts";
    public static final String TRANSACTIONS = "transactions";
    public static final String CATEGORIES = "categories";
    public static final String BUDGETS = "budgets";
    public static final String INCOME = "income";
    public static final String CONTACTS = "contacts";
    public static final String CLIENTS = "clients";
    public static final String PROJECTS = "projects";
    public static final String OPPORTUNITIES = "opportunities";
    public static final String TRIPS = "trips";
    public static final String IMPORTS = "imports";
    public static final String INVOICES = "invoices";
    public static final String SNAPSHOTS = "financial_snapshots";

    private FinanceResources() {
    }
}
