package org.lifeos.finance.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.lifeos.contracts.privacy.ErasureCompleted;
import org.lifeos.contracts.privacy.ErasureRequested;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.devstack.testing.TestStack;
import org.lifeos.finance.support.Api;
import org.lifeos.devstack.testing.TestTopics;

/**
 * Account deletion reaches finance: a circle-scope request on {@code identity.erasure} erases every
 * row of the circle — the partitioned ledger, its histories (which the runtime role itself can
 * never delete) and the sealed income and contacts included — touches no other circle, and is
 * answered on {@code erasure.completed} with the number of rows erased.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ErasureTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aCircleScopeRequestErasesEveryRowOfTheCircleAndNothingOfAnother() throws Exception {
        Api alice = Api.newUser("alice");
        Api bob = Api.newUser("bob");
        fill(alice);
        fill(bob);
        Map<String, Long> aliceRows = rowsPerTable(alice.circle());
        Map<String, Long> bobRows = rowsPerTable(bob.circle());
        assertTrue(aliceRows.keySet().containsAll(List.of("accounts", "account_audit_logs", "transactions",
                "transaction_logs", "categories", "category_rules", "budgets", "income_entries", "contacts",
                "clients", "projects", "project_logs", "opportunities", "trips", "trip_budgets", "trip_logs",
                "imports")), "a representative circle: " + aliceRows);
        // Data keys are shredded (crypto-shredding, before any row goes), not counted as rows erased.
        assertTrue(aliceRows.containsKey("data_keys"), "income and contacts made the circle's data keys");
        long expected = aliceRows.entrySet().stream().filter(e -> !e.getKey().equals("data_keys"))
                .mapToLong(Map.Entry::getValue).sum();

        UUID request = UUID.randomUUID();
        TestTopics.send(ErasureRequested.TOPIC, alice.circle(), JSON.writeValueAsString(Map.of(
                "eventId", UUID.randomUUID().toString(), "type", ErasureRequested.TYPE,
                "occurredAt", Instant.now().toString(), "tenantId", alice.circle().toString(),
                "actorId", alice.user().toString(),
                "payload", Map.of("requestId", request.toString(), "userId", alice.user().toString(),
                        "circleId", alice.circle().toString(), "scope", ErasureRequested.SCOPE_CIRCLE))));

        JsonNode answer = JSON.readTree(TestTopics.first(ErasureCompleted.TOPIC, request.toString()).value());
        assertEquals(Map.of(), rowsPerTable(alice.circle()), "nothing of the circle is left");
        assertEquals(bobRows, rowsPerTable(bob.circle()), "another circle is untouched");
        assertEquals("finance-service", answer.path("payload").path("service").asText());
        assertEquals(expected, answer.path("payload").path("rowsErased").asLong(), "rows erased: " + answer);
    }

    /**
     * Something in every finance table: accounts, a transfer and a void over two months, rules,
     * budgets, income, contacts, the CRM (a client, a project moved once, an opportunity converted
     * into another), a trip with a budget line, and an import.
     */
    private static void fill(Api user) {
        UUID checking = user.account("EUR", "100.00");
        UUID savings = user.account("EUR", "0");
        user.request().body(Map.of("name", "New name")).patch("/api/v1/accounts/" + checking).then().statusCode(200);
        String groceries = user.category("Groceries");
        user.request().body(Map.of("payeePattern", "market", "categoryId", groceries))
                .post("/api/v1/categories/rules").then().statusCode(201);
        user.request().body(Map.of("categoryId", groceries, "month", "2026-02", "planned", "10", "currency", "EUR"))
                .post("/api/v1/budgets").then().statusCode(201);
        user.post(checking, "out", "25.00", "EUR", "2026-02-03", Map.of("payee", "Market")).then().statusCode(201);
        UUID voided = user.transaction(checking, "out", "5.00", "EUR", "2026-03-03");
        user.request().post("/api/v1/transactions/" + voided + "/void").then().statusCode(200);
        user.request().body(Map.of("fromAccountId", checking.toString(), "toAccountId", savings.toString(),
                "amount", "20.00", "currency", "EUR", "occurredOn", "2026-03-10"))
                .post("/api/v1/transactions/transfers").then().statusCode(201);
        String contact = user.request().body(Map.of("name", "Dana", "type", "client", "phone", "+44 20 7946 0000",
                "notes", "prefers mornings")).post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        user.request().body(Map.of("date", "2026-03-01", "amount", "80.00", "currency", "GBP", "sourceType", "session",
                "description", "two hours", "contactId", contact)).post("/api/v1/income").then().statusCode(201);

        UUID client = user.client("Acme", "EUR");
        String project = user.request().body(Map.of("clientId", client.toString(), "name", "Shop", "budget", "900"))
                .post("/api/v1/projects").then().statusCode(201).extract().path("id");
        user.request().body(Map.of("status", "design")).patch("/api/v1/projects/" + project).then().statusCode(200);
        String opportunity = user.request().body(Map.of("clientId", client.toString(), "title", "Newsletter",
                "value", "300")).post("/api/v1/opportunities").then().statusCode(201).extract().path("id");
        user.request().post("/api/v1/opportunities/" + opportunity + "/convert").then().statusCode(201);
        String trip = user.request().body(Map.of("title", "Lisbon", "startDate", "2026-05-01", "endDate", "2026-05-03"))
                .post("/api/v1/trips").then().statusCode(201).extract().path("id");
        user.request().body(Map.of("categoryId", groceries, "currency", "EUR", "amount", "50"))
                .post("/api/v1/trips/" + trip + "/budgets").then().statusCode(201);
        user.request().body(Map.of("accountId", checking.toString(), "csv", "date,amount,payee\n2026-03-04,-3.50,Bakery\n"))
                .post("/api/v1/imports/csv").then().statusCode(200);
    }

    /** Rows per table of the circle (tables with none left out), past row-level security; the outbox aside. */
    private static Map<String, Long> rowsPerTable(UUID circle) throws SQLException {
        Map<String, Long> rows = new TreeMap<>();
        try (Connection admin = TestStack.postgres().superuser("finance")) {
            List<String> tables = new ArrayList<>();
            try (PreparedStatement query = admin.prepareStatement("""
                    SELECT c.relname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
                    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                      AND a.attname = 'tenant_id' AND NOT a.attisdropped AND c.relname <> 'outbox_events'""");
                 ResultSet names = query.executeQuery()) {
                while (names.next()) {
                    tables.add(names.getString(1));
                }
            }
            for (String table : tables) {
                try (PreparedStatement count = admin.prepareStatement(
                        "SELECT count(*) FROM " + table + " WHERE tenant_id = ?")) {
                    count.setObject(1, circle);
                    try (ResultSet n = count.executeQuery()) {
                        n.next();
                        if (n.getLong(1) > 0) {
                            rows.put(table, n.getLong(1));
                        }
                    }
                }
            }
        }
        return rows;
    }
}
