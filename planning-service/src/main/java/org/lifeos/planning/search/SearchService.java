package org.lifeos.planning.search;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.lifeos.platform.error.ProblemException;

/**
 * Ranked full-text search over the circle's tasks, goals and notes ({@code websearch_to_tsquery}: words,
 * "quoted phrases", {@code or}, {@code -excluded}). Each searchable kind is one branch of a UNION
 * over its generated {@code search_vector}; row-level security keeps every branch to the caller's
 * circle. A new searchable kind is one more entry in {@link #BRANCHES}.
 */
@ApplicationScoped
public class SearchService {

    public record Hit(String kind, UUID id, String title, String snippet, double rank) {
    }

    /**
     * One SELECT per searchable kind, each giving kind, id, title, the text to cut a snippet from and
     * the search vector, for the rows a search may find ({@code q.query} is the parsed query).
     */
    static final List<String> BRANCHES = List.of(
            "SELECT 'task' AS kind, t.id, t.title, coalesce(t.description, t.title) AS body, t.search_vector AS sv"
                    + " FROM tasks t, q WHERE t.deleted_at IS NULL AND t.search_vector @@ q.query",
            "SELECT 'goal', g.id, g.title, coalesce(g.description, g.title), g.search_vector"
                    + " FROM goals g, q WHERE g.search_vector @@ q.query",
            "SELECT 'note', n.id, n.title, coalesce(nullif(n.content, ''), n.title), n.search_vector"
                    + " FROM notes n, q WHERE n.search_vector @@ q.query");

    private static final String SQL = "WITH q AS (SELECT websearch_to_tsquery('english', ?1) AS query) "
            + "SELECT hits.kind, hits.id, hits.title, "
            + "ts_headline('english', hits.body, q.query, 'MaxFragments=1, MaxWords=20, MinWords=5') AS snippet, "
            + "ts_rank(hits.sv, q.query) AS rank "
            + "FROM (" + String.join(" UNION ALL ", BRANCHES) + ") hits, q "
            + "ORDER BY rank DESC, hits.kind, hits.id LIMIT ?2";

    private final EntityManager entityManager;

    public SearchService(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Best first; ties by kind and id, so the order is stable. */
    @Transactional
    public List<Hit> search(String query, int limit) {
        if (query == null || query.isBlank()) {
            throw ProblemException.badField("q", "is required: the words to search for");
        }
        if (query.length() > 200) {
            throw ProblemException.badField("q", "must be at most 200 characters");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(SQL).setParameter(1, query.strip())
                .setParameter(2, limit).getResultList();
        return rows.stream().map(r -> new Hit((String) r[0], (UUID) r[1], (String) r[2], (String) r[3],
                ((Number) r[4]).doubleValue())).toList();
    }
}
