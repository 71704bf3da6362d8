package org.lifeos.planning.task;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.lifeos.planning.task.TaskEnums.EnergyLevel;
import org.lifeos.planning.task.TaskEnums.Priority;
import org.lifeos.planning.task.TaskEnums.Status;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.ProblemException;

/**
 * Filters and order of a task list, turned into one keyset-paginated query. Every order ends in
 * the id, so the order is total and a cursor resumes exactly after the last row seen.
 */
public record TaskQuery(List<Status> statuses, List<Priority> priorities, Optional<EnergyLevel> energyLevel,
                        Optional<UUID> domainId, Optional<UUID> parentId, boolean topLevelOnly,
                        Optional<LocalDate> dueFrom, Optional<LocalDate> dueTo, Optional<LocalDate> scheduledFrom,
                        Optional<LocalDate> scheduledTo, Optional<String> tag, Optional<Boolean> quickWin,
                        boolean deleted, Sort sort) {

    private static final LocalDate NO_DATE = LocalDate.of(9999, 12, 31);

    /** The orders a list can take; dates sort undated tasks last. */
    public enum Sort {
        CREATED("created", "t.id", null),
        NEWEST("-created", "t.id", null),
        DUE_DATE("due_date", "coalesce(t.dueDate, :noDate)", "date"),
        SCHEDULED_DATE("scheduled_date", "coalesce(t.scheduledDate, :noDate)", "date"),
        PRIORITY("priority", "t.priorityRank", "rank");

        private final String value;
        private final String expression;
        private final String keyType;

        Sort(String value, String expression, String keyType) {
            this.value = value;
            this.expression = expression;
            this.keyType = keyType;
        }

        public static Sort parse(String value) {
            if (value == null || value.isBlank()) {
                return CREATED;
            }
            for (Sort sort : values()) {
                if (sort.value.equals(value.trim().toLowerCase(Locale.ROOT))) {
                    return sort;
                }
            }
            throw ProblemException.badField("sort",
                    "must be one of: created, -created, due_date, scheduled_date, priority");
        }
    }

    /** The JPQL of this query and its parameters, continuing after the keyset's cursor when given. */
    Compiled compile(Keyset keyset) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        where.add(deleted ? "t.deletedAt is not null" : "t.deletedAt is null");
        if (!statuses.isEmpty()) {
            where.add("t.status in :statuses");
            params.put("statuses", statuses);
        }
        if (!priorities.isEmpty()) {
            where.add("t.priority in :priorities");
            params.put("priorities", priorities);
        }
        energyLevel.ifPresent(v -> add(where, params, "t.energyLevel = :energy", "energy", v));
        domainId.ifPresent(v -> add(where, params, "t.domainId = :domain", "domain", v));
        parentId.ifPresent(v -> add(where, params, "t.parentId = :parent", "parent", v));
        if (topLevelOnly) {
            where.add("t.parentId is null");
        }
        dueFrom.ifPresent(v -> add(where, params, "t.dueDate >= :dueFrom", "dueFrom", v));
        dueTo.ifPresent(v -> add(where, params, "t.dueDate <= :dueTo", "dueTo", v));
        scheduledFrom.ifPresent(v -> add(where, params, "t.scheduledDate >= :scheduledFrom", "scheduledFrom", v));
        scheduledTo.ifPresent(v -> add(where, params, "t.scheduledDate <= :scheduledTo", "scheduledTo", v));
        tag.ifPresent(v -> add(where, params, "array_contains(t.tags, :tag)", "tag", v));
        quickWin.ifPresent(v -> add(where, params, "t.quickWin = :quickWin", "quickWin", v));
        if (sort.keyType != null && sort.keyType.equals("date")) {
            params.put("noDate", NO_DATE);
        }
        if (keyset.after()) {
            if (!keyset.string(0).equals(sort.value)) {
                throw ProblemException.badField("cursor", "belongs to a list in another order");
            }
            String op = sort == Sort.NEWEST ? "<" : ">";
            if (sort.keyType == null) {
                where.add("t.id " + op + " :lastId");
            } else {
                where.add("(" + sort.expression + " > :lastKey or (" + sort.expression + " = :lastKey and t.id > :lastId))");
                params.put("lastKey", "date".equals(sort.keyType) ? keyset.date(1) : (short) keyset.integer(1));
            }
            params.put("lastId", keyset.uuid(2));
        }
        String order = switch (sort) {
            case CREATED -> "t.id";
            case NEWEST -> "t.id desc";
            default -> sort.expression + ", t.id";
        };
        return new Compiled("from Task t where " + String.join(" and ", where) + " order by " + order, params);
    }

    /** A row's sort values in cursor order: the order's name (so a cursor fits one order), its key, the id. */
    List<Object> sortKey(Task last) {
        String key = switch (sort) {
            case CREATED, NEWEST -> "";
            case DUE_DATE -> (last.dueDate == null ? NO_DATE : last.dueDate).toString();
            case SCHEDULED_DATE -> (last.scheduledDate == null ? NO_DATE : last.scheduledDate).toString();
            case PRIORITY -> String.valueOf(last.priority.ordinal());
        };
        return List.of(sort.value, key, last.id);
    }

    private static void add(List<String> where, Map<String, Object> params, String clause, String name, Object value) {
        where.add(clause);
        params.put(name, value);
    }

    record Compiled(String jpql, Map<String, Object> params) {
    }
}
