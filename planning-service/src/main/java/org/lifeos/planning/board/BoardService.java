package org.lifeos.planning.board;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.lifeos.planning.board.BoardDtos.BoardForm;
import org.lifeos.planning.board.BoardDtos.BoardView;
import org.lifeos.planning.board.BoardDtos.CardView;
import org.lifeos.planning.board.BoardDtos.ColumnForm;
import org.lifeos.planning.board.BoardDtos.ColumnView;
import org.lifeos.planning.board.BoardDtos.NewBoardForm;
import org.lifeos.planning.board.BoardDtos.PlacementForm;
import org.lifeos.planning.task.TaskEnums;
import org.lifeos.platform.api.Cursors;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.ids.Ids;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * Boards, their ordered columns and the ordered tasks in each column.
 *
 * <p>Every write that changes an order first takes a row lock on the board
 * ({@code SELECT ... FOR UPDATE}), then reads the current order, computes the new one and writes
 * dense 0-based positions. Writers of one board therefore run one after another, and each sees
 * the order the previous one committed (READ COMMITTED takes a new snapshot per statement, after
 * the lock was granted). We lock rather than run SERIALIZABLE and retry: a board is small and its
 * moves are short, so waiting costs milliseconds, while concurrent moves on one board would
 * nearly always conflict and have to be re-run whole. Boards never wait on each other: a move
 * touches one board only.
 *
 * <p>Soft-deleted tasks keep their place until the next write to their column, which drops them
 * from it; views list live tasks only, numbered densely.
 */
@ApplicationScoped
public class BoardService {

    private final BoardRepository boards;
    private final EntityManager em;
    private final TenantContext context;

    public BoardService(BoardRepository boards, EntityManager em, TenantContext context) {
        this.boards = boards;
        this.em = em;
        this.context = context;
    }

    @Transactional
    public KanbanBoard create(NewBoardForm form) {
        KanbanBoard board = new KanbanBoard();
        board.id = Ids.next();
        board.tenantId = context.circleId();
        board.createdBy = context.userId();
        board.createdAt = Instant.now();
        apply(board, form);
        boards.persist(board);
        for (int i = 0; i < form.columns.size(); i++) {
            em.persist(column(board, form.columns.get(i).strip(), "#53B4FF", i));
        }
        boards.flush();
        return board;
    }

    @Transactional
    public KanbanBoard get(UUID id) {
        return boards.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("board " + id));
    }

    @Transactional
    public BoardView view(UUID id) {
        KanbanBoard board = get(id);
        Map<UUID, List<CardView>> cards = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT t.id, t.title, t.status, t.priority, t.column_id "
                        + "FROM tasks t JOIN kanban_columns c ON c.id = t.column_id "
                        + "WHERE c.board_id = ?1 AND t.deleted_at IS NULL ORDER BY t.column_id, t.board_position, t.id")
                .setParameter(1, id).getResultList();
        for (Object[] row : rows) {
            List<CardView> column = cards.computeIfAbsent((UUID) row[4], c -> new ArrayList<>());
            column.add(new CardView((UUID) row[0], (String) row[1],
                    new TaskEnums.StatusConverter().convertToEntityAttribute((String) row[2]),
                    new TaskEnums.PriorityConverter().convertToEntityAttribute((String) row[3]), column.size()));
        }
        List<ColumnView> columns = boards.columns(id).stream().map(c -> new ColumnView(c.id, c.title, c.color,
                c.position, cards.getOrDefault(c.id, List.of()), c.version)).toList();
        return new BoardView(board.id, board.name, board.description, columns, board.createdAt, board.updatedAt,
                board.version);
    }

    @Transactional
    public KanbanBoard update(UUID id, String ifMatch, UnaryOperator<BoardForm> patch) {
        KanbanBoard board = get(id);
        ETags.requireMatch(ifMatch, board.version);
        apply(board, patch.apply(BoardForm.of(board)));
        boards.flush();
        return board;
    }

    /** Deletes the board and its columns; its tasks stay, on no board. */
    @Transactional
    public void delete(UUID id, String ifMatch) {
        KanbanBoard board = lock(id);
        ETags.requireMatch(ifMatch, board.version);
        em.createNativeQuery("UPDATE tasks SET column_id = NULL, board_position = NULL, updated_at = now() "
                + "WHERE column_id IN (SELECT id FROM kanban_columns WHERE board_id = ?1)")
                .setParameter(1, id).executeUpdate();
        em.createNativeQuery("DELETE FROM kanban_columns WHERE board_id = ?1").setParameter(1, id).executeUpdate();
        boards.delete(board);
    }

    @Transactional
    public List<KanbanBoard> list(String cursor, int limit) {
        if (cursor == null) {
            return boards.find("order by id").page(0, limit).list();
        }
        UUID after;
        try {
            after = UUID.fromString(Cursors.decode(cursor, 1).get(0));
        } catch (RuntimeException e) {
            throw ProblemException.badField("cursor", "is not a cursor this list produced");
        }
        return boards.find("id > ?1 order by id", after).page(0, limit).list();
    }

    public static String cursorAfter(KanbanBoard last) {
        return Cursors.encode(List.of(last.id.toString()));
    }

    /** Adds a column at {@code position} (default: the end), shifting the columns from there right. */
    @Transactional
    public KanbanColumn addColumn(UUID boardId, ColumnForm form) {
        KanbanBoard board = lock(boardId);
        List<KanbanColumn> columns = new ArrayList<>(boards.columns(boardId));
        int position = form.position == null ? columns.size() : form.position;
        if (position > columns.size()) {
            throw ProblemException.badField("position", "must be between 0 and " + columns.size());
        }
        KanbanColumn column = column(board, form.title.strip(), form.color, position);
        columns.add(position, column);
        em.persist(column);
        renumberColumns(columns);
        touch(board);
        return column;
    }

    /** Renames, recolours or moves a column; moving renumbers the board's columns densely. */
    @Transactional
    public KanbanColumn updateColumn(UUID boardId, UUID columnId, String ifMatch, UnaryOperator<ColumnForm> patch) {
        KanbanBoard board = lock(boardId);
        List<KanbanColumn> columns = new ArrayList<>(boards.columns(boardId));
        KanbanColumn column = columns.stream().filter(c -> c.id.equals(columnId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("column " + columnId + " of board " + boardId));
        ETags.requireMatch(ifMatch, column.version);
        ColumnForm form = patch.apply(ColumnForm.of(column));
        int position = form.position == null ? column.position : form.position;
        if (position >= columns.size()) {
            throw ProblemException.badField("position", "must be between 0 and " + (columns.size() - 1));
        }
        column.title = form.title.strip();
        column.color = form.color;
        column.updatedAt = Instant.now();
        columns.remove(column);
        columns.add(position, column);
        renumberColumns(columns);
        touch(board);
        return column;
    }

    /** Deletes an empty column (409 while live tasks sit in it) and closes the gap. */
    @Transactional
    public void deleteColumn(UUID boardId, UUID columnId, String ifMatch) {
        KanbanBoard board = lock(boardId);
        List<KanbanColumn> columns = new ArrayList<>(boards.columns(boardId));
        KanbanColumn column = columns.stream().filter(c -> c.id.equals(columnId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("column " + columnId + " of board " + boardId));
        ETags.requireMatch(ifMatch, column.version);
        if (!liveTasks(columnId).isEmpty()) {
            throw new ProblemException(ProblemType.CONFLICT, "Column " + columnId + " still holds tasks; "
                    + "move them to another column or off the board first");
        }
        em.createNativeQuery("UPDATE tasks SET column_id = NULL, board_position = NULL WHERE column_id = ?1")
                .setParameter(1, columnId).executeUpdate();
        columns.remove(column);
        em.remove(column);
        em.flush();
        renumberColumns(columns);
        touch(board);
    }

    /**
     * Puts a live task of the circle into a column of this board at a position (default: the
     * end), in one call: from off the board, from another column or within its column. The
     * source and target columns are renumbered densely.
     */
    @Transactional
    public void place(UUID boardId, UUID taskId, PlacementForm form) {
        KanbanBoard board = lock(boardId);
        List<KanbanColumn> columns = boards.columns(boardId);
        if (columns.stream().noneMatch(c -> c.id.equals(form.columnId))) {
            throw ProblemException.badField("columnId", "no such column on this board");
        }
        UUID from = currentColumn(taskId);
        if (from != null && columns.stream().noneMatch(c -> c.id.equals(from))) {
            throw new ProblemException(ProblemType.CONFLICT, "Task " + taskId + " is on another board; "
                    + "take it off that board first");
        }
        List<UUID> target = new ArrayList<>(liveTasks(form.columnId));
        target.remove(taskId);
        int position = form.position == null ? target.size() : form.position;
        if (position > target.size()) {
            throw ProblemException.badField("position", "must be between 0 and " + target.size());
        }
        target.add(position, taskId);
        if (from != null && !from.equals(form.columnId)) {
            List<UUID> source = new ArrayList<>(liveTasks(from));
            source.remove(taskId);
            renumberTasks(from, source);
        }
        renumberTasks(form.columnId, target);
        touch(board);
    }

    /** Takes a task off the board and closes the gap it leaves. */
    @Transactional
    public void remove(UUID boardId, UUID taskId) {
        KanbanBoard board = lock(boardId);
        UUID from = currentColumn(taskId);
        if (from == null || boards.columns(boardId).stream().noneMatch(c -> c.id.equals(from))) {
            throw ProblemException.notFound("task " + taskId + " on board " + boardId);
        }
        List<UUID> source = new ArrayList<>(liveTasks(from));
        source.remove(taskId);
        em.createNativeQuery("UPDATE tasks SET column_id = NULL, board_position = NULL, updated_at = now() "
                + "WHERE id = ?1").setParameter(1, taskId).executeUpdate();
        renumberTasks(from, source);
        touch(board);
    }

    /** The column a live task sits in (null: on no board); 404 for a task the circle does not have. */
    private UUID currentColumn(UUID taskId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, column_id FROM tasks WHERE id = ?1 "
                + "AND deleted_at IS NULL").setParameter(1, taskId).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("task " + taskId);
        }
        return (UUID) rows.get(0)[1];
    }

    @SuppressWarnings("unchecked")
    private List<UUID> liveTasks(UUID columnId) {
        return em.createNativeQuery("SELECT id FROM tasks WHERE column_id = ?1 AND deleted_at IS NULL "
                + "ORDER BY board_position, id").setParameter(1, columnId).getResultList();
    }

    /** Writes {@code order} as positions 0..n-1 of the column; deleted tasks leave it. */
    private void renumberTasks(UUID columnId, List<UUID> order) {
        em.createNativeQuery("UPDATE tasks SET column_id = NULL, board_position = NULL "
                + "WHERE column_id = ?1 AND deleted_at IS NOT NULL").setParameter(1, columnId).executeUpdate();
        for (int i = 0; i < order.size(); i++) {
            em.createNativeQuery("UPDATE tasks SET column_id = ?1, board_position = ?2, updated_at = now() "
                            + "WHERE id = ?3 AND (column_id IS DISTINCT FROM ?1 OR board_position IS DISTINCT FROM ?2)")
                    .setParameter(1, columnId).setParameter(2, i).setParameter(3, order.get(i)).executeUpdate();
        }
    }

    private void renumberColumns(List<KanbanColumn> order) {
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).position != i) {
                order.get(i).position = i;
                order.get(i).updatedAt = Instant.now();
            }
        }
        em.flush();
    }

    /** The board, row-locked until the transaction ends: the one door to every order change. */
    private KanbanBoard lock(UUID boardId) {
        int locked = em.createNativeQuery("SELECT 1 FROM kanban_boards WHERE id = ?1 FOR UPDATE")
                .setParameter(1, boardId).getResultList().size();
        if (locked == 0) {
            throw ProblemException.notFound("board " + boardId);
        }
        return get(boardId);
    }

    private void touch(KanbanBoard board) {
        board.updatedAt = Instant.now();
        em.flush();
    }

    private static KanbanColumn column(KanbanBoard board, String title, String color, int position) {
        KanbanColumn column = new KanbanColumn();
        column.id = Ids.next();
        column.tenantId = board.tenantId;
        column.boardId = board.id;
        column.title = title;
        column.color = color;
        column.position = position;
        column.createdAt = Instant.now();
        column.updatedAt = column.createdAt;
        return column;
    }

    private static void apply(KanbanBoard board, BoardForm form) {
        board.name = form.name.strip();
        board.description = form.description;
        board.updatedAt = Instant.now();
    }
}
