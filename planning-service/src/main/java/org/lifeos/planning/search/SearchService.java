package org.lifeos.planning.search;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.lifeos.platform.error.ProblemException;

/**
 * Ranked full-text search over the circle's tasks, goals and notes ({@code websearch_to_tsquery}: words,
 * "quoted phrases", {@code or}, {@code -excluded}). Each searchable kind is one branch of a UNION
 * over its generated {@code search_vector}; row-level security keeps every branch to the caller's
 * circle, and only the kinds the caller may read there are searched ({@link SearchableKinds}). A new
 * searchable kind is one more entry in {@link #BRANCHES} and in {@link SearchableKinds.Kind}.
 */
@ApplicationScoped
public class SearchService {

    public record Hit(String kind, UUID id, String title, String snippet, double rank) {
    }

    /**
     * One SELECT per searchable kind, each giving kind, id, title, the text to cut a snippet from and
     * the search vector, for the rows a search may find ({@code q.query} is the parsed query).
     */
    static final Map<String, String> BRANCHES = Map.of(
            "task", "SELECT 'task' AS kind, t.id, t.title, coalesce(t.description, t.title) AS body,"
                    + " t.search_vector AS sv FROM tasks t, q WHERE t.deleted_at IS NULL AND t.search_vector @@ q.query",
            "goal", "SELECT 'goal' AS kind, g.id, g.title, coalesce(g.description, g.title) AS body,"
                    + " g.search_vector AS sv FROM goals g, q WHERE g.search_vector @@ q.query",
            "note", "SELECT 'note' AS kind, n.id, n.title, coalesce(nullif(n.content, ''), n.title) AS body,"
                    + " n.search_vector AS sv FROM notes n, q WHERE n.search_vector @@ q.query");

    /** The query over the branches of {@code kinds} only (fixed SQL fragments, in a fixed order). */
    private static String sql(Set<String> kinds) {
        return "WITH q AS (SELECT websearch_to_tsquery('english', ?1) AS query) "
                + "SELECT hits.kind, hits.id, hits.title, "
                + "ts_headline('english', hits.body, q.query, 'MaxFragments=1, MaxWords=20, MinWords=5') AS snippet, "
                + "ts_rank(hits.sv, q.query) AS rank "
                + "FROM (" + String.join(" UNION ALL ", BRANCHES.keySet().stream().sorted().filter(kinds::contains)
                        .map(BRANCHES::get).toList()) + ") hits, q "
                + "ORDER BY rank DESC, hits.kind, hits.id LIMIT ?2";
    }

    private final EntityManager entityManager;

    public SearchService(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Best first among {@code kinds} ({@code task}, {@code goal}, {@code note}); ties by kind and id, so the order is stable. */
    @Transactional
    public List<Hit> search(String query, int limit, Set<String> kinds) {
        if (query == null || query.isBlank()) {
            throw ProblemException.badField("q", "is required: the words to search for");
        }
        if (query.length() > 200) {
            throw ProblemException.badField("q", "must be at most 200 characters");
        }
        if (kinds.stream().noneMatch(BRANCHES::containsKey)) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(sql(kinds)).setParameter(1, query.strip())
                .setParameter(2, limit).getResultList();
        return rows.stream().map(r -> new Hit((String) r[0], (UUID) r[1], (String) r[2], (String) r[3],
                ((Number) r[4]).doubleValue())).toList();
    }
}
