package org.lifeos.finance.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.Databases;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.devstack.testing.TestStack;
import org.lifeos.finance.support.Api;
import org.lifeos.finance.support.Db;
import org.lifeos.platform.api.Keyset;

/**
 * The ledger's partitions: made ahead by the job and on demand by a write into a month without
 * one; reachable only through the parent (the runtime role has no privilege on a partition, and
 * each partition is fenced by forced row-level security); a one-month list reads one partition;
 * the runtime role can never delete a ledger row.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class PartitionTest {

    private static final String RUNTIME = Databases.runtimeRole("finance");
    private static final Pattern PARTITION = Pattern.compile("transactions_(\\d{4}_\\d{2})");

    @Inject
    TransactionPartitions partitions;

    @Test
    void aWriteIntoAMonthWithoutAPartitionMakesItAndTheRuntimeRoleCannotReadItDirectly() throws SQLException {
        Api alice = Api.newUser("alice");
        UUID account = alice.account("EUR", "0");
        // A month no other test writes into and no job makes.
        String month = "2011_07";
        assertNull(Db.string("SELECT to_regclass('transactions_" + month + "')::text"));

        UUID id = alice.transaction(account, "in", "5.00", "EUR", "2011-07-15");

        assertEquals("transactions_" + month, Db.string("SELECT to_regclass('transactions_" + month + "')::text"));
        assertEquals(1, Db.count("SELECT count(*) FROM transactions_" + month + " WHERE id = ?", id));
        assertEquals(1, Db.count("SELECT count(*) FROM pg_class WHERE relname = 'transactions_" + month
                + "' AND relrowsecurity AND relforcerowsecurity"));
        for (String privilege : List.of("SELECT", "INSERT", "UPDATE", "DELETE")) {
            assertFalse(Db.count("SELECT count(*) FROM pg_class WHERE relname = 'transactions_" + month
                            + "' AND has_table_privilege('" + RUNTIME + "', oid, '" + privilege + "')") > 0,
                    "the runtime role has " + privilege + " on a partition");
        }
        try (Connection runtime = TestStack.postgres().connect("finance", RUNTIME)) {
            runtime.setAutoCommit(false);
            tenant(runtime, alice.circle());
            SQLException refused = assertThrows(SQLException.class,
                    () -> count(runtime, "SELECT count(*) FROM transactions_" + month));
            assertEquals("42501", refused.getSQLState(), refused.getMessage());
            runtime.rollback();
            tenant(runtime, alice.circle());
            assertEquals(1, count(runtime, "SELECT count(*) FROM transactions WHERE occurred_on = DATE '2011-07-15'"),
                    "through the parent, under its row-level security");
            runtime.rollback();
        }
    }

    @Test
    void theRuntimeRoleCannotDeleteLedgerRowsOrTheirHistory() throws SQLException {
        Api alice = Api.newUser("alice");
        UUID account = alice.account("EUR", "0");
        alice.transaction(account, "in", "5.00", "EUR", "2026-03-15");
        try (Connection runtime = TestStack.postgres().connect("finance", RUNTIME)) {
            runtime.setAutoCommit(false);
            for (String table : List.of("transactions", "transaction_logs", "account_audit_logs")) {
                tenant(runtime, alice.circle());
                SQLException refused = assertThrows(SQLException.class, () -> {
                    try (PreparedStatement delete = runtime.prepareStatement("DELETE FROM " + table)) {
                        delete.executeUpdate();
                    }
                }, table);
                assertEquals("42501", refused.getSQLState(), table + ": " + refused.getMessage());
                runtime.rollback();
            }
        }
        assertEquals(1, Db.count("SELECT count(*) FROM transactions WHERE tenant_id = ?", alice.circle()));
    }

    @Test
    void theJobMakesTheCurrentMonthAndTheMonthsAheadAndIsIdempotent() {
        partitions.ahead();
        assertEquals(0, partitions.ahead(), "a second run makes nothing");
        LocalDate month = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
        for (int i = 0; i <= 3; i++) {
            String name = "transactions_" + month.plusMonths(i).format(DateTimeFormatter.ofPattern("yyyy_MM"));
            assertEquals(name, Db.string("SELECT to_regclass(?)::text", name));
        }
    }

    @Test
    void aOneMonthListReadsOnePartition() throws SQLException {
        Api alice = Api.newUser("alice");
        UUID account = alice.account("EUR", "0");
        for (String day : List.of("2025-01-10", "2025-02-10", "2025-03-10", "2025-04-10")) {
            alice.transaction(account, "out", "1.00", "EUR", day);
        }
        TransactionQuery oneMonth = new TransactionQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(LocalDate.parse("2025-02-01")),
                Optional.of(LocalDate.parse("2025-02-28")), Optional.empty());
        TransactionQuery everything = new TransactionQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        TreeSet<String> read = partitionsRead(alice.circle(), oneMonth);
        assertEquals(new TreeSet<>(List.of("2025_02")), read, "partitions in the plan");
        assertTrue(partitionsRead(alice.circle(), everything).size() >= 4,
                "without dates the plan reads every partition (the check above can fail)");
    }

    /** The partitions the plan of the list's real SQL reads, run as the runtime role in the circle. */
    private static TreeSet<String> partitionsRead(UUID circle, TransactionQuery query) throws SQLException {
        TransactionQuery.Sql sql = query.page(circle, Keyset.of(null, null, 2));
        String jdbc = sql.text().replaceAll("\\?\\d+", "?");
        TreeSet<String> found = new TreeSet<>();
        try (Connection runtime = TestStack.postgres().connect("finance", RUNTIME)) {
            runtime.setAutoCommit(false);
            tenant(runtime, circle);
            try (PreparedStatement explain = runtime.prepareStatement("EXPLAIN " + jdbc)) {
                List<Object> params = new ArrayList<>(sql.parameters());
                for (int i = 0; i < params.size(); i++) {
                    explain.setObject(i + 1, params.get(i));
                }
                try (ResultSet plan = explain.executeQuery()) {
                    while (plan.next()) {
                        Matcher m = PARTITION.matcher(plan.getString(1));
                        while (m.find()) {
                            found.add(m.group(1));
                        }
                    }
                }
            }
            runtime.rollback();
        }
        return found;
    }

    private static void tenant(Connection connection, UUID circle) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
            set.setString(1, circle.toString());
            set.executeQuery().close();
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
