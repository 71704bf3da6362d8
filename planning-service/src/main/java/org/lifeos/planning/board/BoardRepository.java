package org.lifeos.planning.board;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Boards of the current circle (row-level security hides every other circle's). */
@ApplicationScoped
public class BoardRepository implements PanacheRepositoryBase<KanbanBoard, UUID> {

    /** Columns of a board, by position. */
    public List<KanbanColumn> columns(UUID boardId) {
        return getEntityManager().createQuery("from KanbanColumn where boardId = ?1 order by position, id",
                KanbanColumn.class).setParameter(1, boardId).getResultList();
    }
}
