package org.lifeos.planning.transactions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.platform.tenancy.ReadOnly;

/**
 * The platform's {@code @ReadOnly} on planning's real database: a transaction it begins is read-only
 * in PostgreSQL (a write fails loudly), a transaction it joins keeps writing, and a new transaction
 * begun inside it is its own, read-write.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ReadOnlyTransactionsTest {

    private static final String SETTING = "SELECT current_setting('transaction_read_only')";

    @ApplicationScoped
    public static class Reader {

        @Inject
        EntityManager entityManager;
        @Inject
        Writer writer;

        @Transactional
        @ReadOnly
        public String setting() {
            return (String) entityManager.createNativeQuery(SETTING).getSingleResult();
        }

        @Transactional
        @ReadOnly
        public int update() {
            return entityManager.createNativeQuery("UPDATE tasks SET title = title WHERE false").executeUpdate();
        }

        @Transactional
        @ReadOnly
        public String settingOfANewTransactionInside() {
            return writer.settingInANewTransaction();
        }
    }

    @ApplicationScoped
    public static class Writer {

        @Inject
        EntityManager entityManager;
        @Inject
        Reader reader;

        @Transactional
        public String settingThroughTheReader() {
            return reader.setting();
        }

        @Transactional
        public int updateThenReadThroughTheReader() {
            int updated = entityManager.createNativeQuery("UPDATE tasks SET title = title WHERE false").executeUpdate();
            reader.setting();
            return updated;
        }

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public String settingInANewTransaction() {
            return (String) entityManager.createNativeQuery(SETTING).getSingleResult();
        }
    }

    @Inject
    Reader reader;
    @Inject
    Writer writer;

    @Test
    void aTransactionAReadOnlyMethodBeginsIsReadOnly() {
        assertEquals("on", reader.setting());
    }

    @Test
    void aWriteInsideItFailsLoudly() {
        PersistenceException refused = assertThrows(PersistenceException.class, reader::update);
        Throwable cause = refused;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertTrue(cause.getMessage().contains("read-only transaction"), cause.getMessage());
    }

    @Test
    void aWriterThatReadsThroughItKeepsWriting() {
        assertEquals("off", writer.settingThroughTheReader());
        assertEquals(0, writer.updateThenReadThroughTheReader());
    }

    @Test
    void aNewTransactionBegunInsideItIsReadWrite() {
        assertEquals("off", reader.settingOfANewTransactionInside());
    }
}
