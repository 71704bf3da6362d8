package org.lifeos.finance.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.lifeos.finance.ledger.LedgerEnums.Direction;
import org.lifeos.finance.ledger.LedgerEnums.Status;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.ProblemException;

/**
 * The ledger list's SQL: newest first by (occurred_on, id), keyset-paged, each filter an indexed
 * predicate. {@code from}/{@code to} bound occurred_on, the partition key, so a one-month list
 * reads one partition (the planner prunes the rest); the partitioned parent's row-level security
 * still applies. Parameters are numbered ?1, ?2, ... in order.
 */
public record TransactionQuery(Optional<UUID> accountId, Optional<UUID> categoryId, Optional<String> tag,
                               Optional<Direction> direction, Optional<Status> status, Optional<LocalDate> from,
                               Optional<LocalDate> to, Optional<String> text) {

    public TransactionQuery {
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw ProblemException.badField("to", "must not be before from");
        }
    }

    /** The SQL of one page and its parameters, in order. */
    public Sql page(UUID tenant, Keyset keyset) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT t.* FROM transactions t WHERE t.tenant_id = ")
                .append(param(params, tenant));
        accountId.ifPresent(v -> sql.append(" AND t.account_id = ").append(param(params, v)));
        categoryId.ifPresent(v -> sql.append(" AND t.category_id = ").append(param(params, v)));
        tag.ifPresent(v -> sql.append(" AND t.tags @> ARRAY[cast(").append(param(params, v)).append(" AS text)]"));
        direction.ifPresent(v -> sql.append(" AND t.direction = ").append(param(params, v.toString())));
        status.ifPresent(v -> sql.append(" AND t.status = ").append(param(params, v.toString())));
        from.ifPresent(v -> sql.append(" AND t.occurred_on >= ").append(param(params, v)));
        to.ifPresent(v -> sql.append(" AND t.occurred_on <= ").append(param(params, v)));
        text.ifPresent(v -> {
            String like = "%" + v.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            sql.append(" AND (t.payee ILIKE ").append(param(params, like))
                    .append(" OR t.memo ILIKE ").append(param(params, like)).append(")");
        });
        if (keyset.after()) {
            sql.append(" AND (t.occurred_on, t.id) < (").append(param(params, keyset.date(0))).append(", ")
                    .append(param(params, keyset.uuid(1))).append(")");
        }
        sql.append(" ORDER BY t.occurred_on DESC, t.id DESC LIMIT ").append(keyset.fetch());
        return new Sql(sql.toString(), List.copyOf(params));
    }

    /** What the list sorts by, in cursor order. */
    public static List<Object> sortKey(LedgerTransaction t) {
        return List.of(t.occurredOn, t.id);
    }

    private static String param(List<Object> params, Object value) {
        params.add(value);
        return "?" + params.size();
    }

    public record Sql(String text, List<Object> parameters) {
    }
}
