package org.lifeos.platform.crypto;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;
import org.lifeos.platform.crypto.Place.KeyScope;
import org.lifeos.platform.error.Problem;
import org.lifeos.platform.error.ProblemReplies;
import org.lifeos.platform.error.ProblemType;

/**
 * The key operations an operator runs, on the service's management port (never the public one;
 * in a cluster, reach it with {@code kubectl port-forward}):
 *
 * <ul>
 *   <li>{@code GET /q/encryption}: the current master key id, live data keys per master key, and
 *       unfinished re-encryption jobs;</li>
 *   <li>{@code POST /q/encryption/rewrap}: re-wraps now what a master key rotation left (the
 *       scheduled job does it every minute anyway);</li>
 *   <li>{@code POST /q/encryption/reencrypt?circle=&class=[&owner=]}: starts (or finds) the job that
 *       moves a circle's data of that class to a new data key version; 202 with the job.</li>
 * </ul>
 * No value and no key ever appears in an answer. See docs/operations.md, "Encryption keys".
 */
@ApplicationScoped
public class EncryptionOperations {

    private static final Logger LOG = Logger.getLogger(EncryptionOperations.class);

    private final MasterKeys masters;
    private final MasterKeyCheck check;
    private final MasterKeyRotation rotation;
    private final Reencryption reencryption;
    private final AgroalDataSource database;
    private final ObjectMapper json;

    public EncryptionOperations(MasterKeys masters, MasterKeyCheck check, MasterKeyRotation rotation,
                                Reencryption reencryption, AgroalDataSource database, ObjectMapper json) {
        this.masters = masters;
        this.check = check;
        this.rotation = rotation;
        this.reencryption = reencryption;
        this.database = database;
        this.json = json;
    }

    void routes(@Observes ManagementInterface management) {
        management.router().get("/q/encryption").blockingHandler(this::status);
        management.router().post("/q/encryption/rewrap").blockingHandler(this::rewrap);
        management.router().post("/q/encryption/reencrypt").blockingHandler(this::reencrypt);
    }

    private void status(RoutingContext request) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("masterKey", masters.currentId());
        status.put("dataKeysByMasterKey", check.inUse());
        status.put("unfinishedReencryptions", unfinished());
        answer(request, 200, status);
    }

    private void rewrap(RoutingContext request) {
        answer(request, 200, Map.of("masterKey", masters.currentId(),
                "rewrapped", rotation.rewrapAll()));
    }

    private void reencrypt(RoutingContext request) {
        UUID circle;
        UUID owner;
        DataClass dataClass;
        try {
            circle = uuid(request, "circle", true);
            owner = uuid(request, "owner", false);
            String name = request.queryParams().get("class");
            if (name == null) {
                throw new IllegalArgumentException("class: one of pii, phi, financial, secret");
            }
            try {
                dataClass = DataClass.fromWire(name);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("class: one of pii, phi, financial, secret, not " + name);
            }
        } catch (IllegalArgumentException e) {
            String field = e.getMessage().substring(0, e.getMessage().indexOf(':'));
            ProblemReplies.send(request, Problem.of(ProblemType.VALIDATION, e.getMessage(),
                    request.normalizedPath(), null, List.of(new Problem.FieldError(field, e.getMessage()))));
            return;
        }
        Reencryption.Job job = reencryption.start(new KeyScope(circle, owner, dataClass));
        LOG.infof("Re-encryption %s requested on the management port for the %s", job.id(), job.scope());
        answer(request, 202, view(job));
    }

    private static Map<String, Object> view(Reencryption.Job job) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", job.id());
        view.put("circleId", job.scope().circleId());
        view.put("ownerId", job.scope().ownerId());
        view.put("dataClass", job.scope().dataClass().wire());
        view.put("targetVersion", job.targetVersion());
        view.put("table", job.table());
        view.put("rowsMoved", job.rowsMoved());
        view.put("finished", job.finished());
        return view;
    }

    private List<Map<String, Object>> unfinished() {
        List<Map<String, Object>> jobs = new ArrayList<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id, tenant_id, owner_id FROM reencryption_jobs_unfinished(100)")) {
            while (rows.next()) {
                Map<String, Object> job = new LinkedHashMap<>();
                job.put("id", rows.getObject(1, UUID.class));
                job.put("circleId", rows.getObject(2, UUID.class));
                job.put("ownerId", rows.getObject(3, UUID.class));
                jobs.add(job);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list unfinished re-encryption jobs", e);
        }
        return jobs;
    }

    private static UUID uuid(RoutingContext request, String name, boolean required) {
        String value = request.queryParams().get(name);
        if (value == null || value.isBlank()) {
            if (required) {
                throw new IllegalArgumentException(name + ": required, a UUID");
            }
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": not a UUID");
        }
    }

    private void answer(RoutingContext request, int status, Object body) {
        try {
            request.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                    .end(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            request.fail(e);
        }
    }
}
