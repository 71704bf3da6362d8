package org.lifeos.planning.transactions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.planning.task.Task;
import org.lifeos.platform.tenancy.ReadOnly;

/**
 * The platform's {@code @ReadOnly} on planning's real database: a transaction it begins is read-only
 * in PostgreSQL (a write fails loudly, a new entity too although its commit does not flush), a
 * transaction it joins keeps writing, and a new transaction begun inside it is its own, read-write.
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

        @Transactional
        @ReadOnly
        public FlushMode flushMode() {
            return entityManager.unwrap(Session.class).getHibernateFlushMode();
        }

        @Transactional
        @ReadOnly
        public void persist() {
            Task task = new Task();
            task.id = UUID.randomUUID();
            task.tenantId = UUID.randomUUID();
            task.title = "written in a read-only transaction";
            task.createdAt = Instant.now();
            task.updatedAt = task.createdAt;
            entityManager.persist(task);
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

        @Transactional
        public FlushMode flushModeThroughTheReader() {
            return reader.flushMode();
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
        assertTrue(rootMessage(refused).contains("read-only transaction"), rootMessage(refused));
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    @Test
    void aNewEntityInsideItFailsLoudlyRatherThanBeingDropped() {
        // The commit does not flush a read-only transaction; what was queued is flushed as the method returns.
        PersistenceException refused = assertThrows(PersistenceException.class, reader::persist);
        assertTrue(rootMessage(refused).contains("read-only transaction"), rootMessage(refused));
    }

    @Test
    void itsCommitDoesNotFlushButAWritersStillDoes() {
        assertEquals(FlushMode.MANUAL, reader.flushMode());
        assertEquals(FlushMode.AUTO, writer.flushModeThroughTheReader());
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
