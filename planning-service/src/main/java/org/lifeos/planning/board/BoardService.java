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
import org.lifeos.planning.task.Task;
import org.lifeos.planning.task.TaskRepository;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.ids.Ids;
import org.lifeos.platform.tenancy.ReadOnly;
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
    private final TaskRepository tasks;
    private final EntityManager em;
    private final TenantContext context;

    public BoardService(BoardRepository boards, TaskRepository tasks, EntityManager em, TenantContext context) {
        this.boards = boards;
        this.tasks = tasks;
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
    @ReadOnly
    public KanbanBoard get(UUID id) {
        return boards.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("board " + id));
    }

    @Transactional
    public BoardView view(UUID id) {
        KanbanBoard board = get(id);
        List<KanbanColumn> boardColumns = boards.columns(id);
        Map<UUID, List<CardView>> cards = new HashMap<>();
        for (Task task : tasks.onColumns(boardColumns.stream().map(c -> c.id).toList())) {
            List<CardView> column = cards.computeIfAbsent(task.columnId, c -> new ArrayList<>());
            column.add(new CardView(task.id, task.title, task.status, task.priority, column.size()));
        }
        List<ColumnView> columns = boardColumns.stream().map(c -> new ColumnView(c.id, c.title, c.color,
                c.position, cards.getOrDefault(c.id, List.of()), c.version)).toList();
        return new BoardView(board.id, board.name, board.description, columns, board.createdAt, board.updatedAt,
                board.version);
    }

    @Transactional
    public KanbanBoard update(UUID id, String ifMatch, UnaryOperator<BoardForm> patch) {
        KanbanBoard board = ETags.matching(get(id), ifMatch, b -> b.version);
        apply(board, patch.apply(BoardForm.of(board)));
        boards.flush();
        return board;
    }

    /** Deletes the board and its columns; its tasks stay, on no board. */
    @Transactional
    public void delete(UUID id, String ifMatch) {
        KanbanBoard board = ETags.matching(lock(id), ifMatch, b -> b.version);
        tasks.takeOffColumns(boards.columns(id).stream().map(c -> c.id).toList());
        em.createNativeQuery("DELETE FROM kanban_columns WHERE board_id = ?1").setParameter(1, id).executeUpdate();
        boards.delete(board);
    }

    @Transactional
    @ReadOnly
    public List<KanbanBoard> list(Keyset keyset) {
        if (!keyset.after()) {
            return boards.find("order by id").page(0, keyset.fetch()).list();
        }
        return boards.find("id > ?1 order by id", keyset.uuid(0)).page(0, keyset.fetch()).list();
    }

    /** What the list sorts by, in cursor order. */
    public static List<Object> sortKey(KanbanBoard board) {
        return List.of(board.id);
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
        KanbanColumn column = ETags.matching(column(columns, boardId, columnId), ifMatch, c -> c.version);
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
        KanbanColumn column = ETags.matching(column(columns, boardId, columnId), ifMatch, c -> c.version);
        if (!tasks.liveIdsInColumn(columnId).isEmpty()) {
            throw new ProblemException(ProblemType.CONFLICT, "Column " + columnId + " still holds tasks; "
                    + "move them to another column or off the board first");
        }
        tasks.dropDeletedFromColumn(columnId);
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
        List<UUID> target = new ArrayList<>(tasks.liveIdsInColumn(form.columnId));
        target.remove(taskId);
        int position = form.position == null ? target.size() : form.position;
        if (position > target.size()) {
            throw ProblemException.badField("position", "must be between 0 and " + target.size());
        }
        target.add(position, taskId);
        if (from != null && !from.equals(form.columnId)) {
            List<UUID> source = new ArrayList<>(tasks.liveIdsInColumn(from));
            source.remove(taskId);
            tasks.renumberColumn(from, source);
        }
        tasks.renumberColumn(form.columnId, target);
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
        List<UUID> source = new ArrayList<>(tasks.liveIdsInColumn(from));
        source.remove(taskId);
        tasks.takeOffBoard(taskId);
        tasks.renumberColumn(from, source);
        touch(board);
    }

    /** The column a live task sits in (null: on no board); 404 for a task the circle does not have. */
    private UUID currentColumn(UUID taskId) {
        return tasks.findLive(taskId).orElseThrow(() -> ProblemException.notFound("task " + taskId)).columnId;
    }

    private static KanbanColumn column(List<KanbanColumn> columns, UUID boardId, UUID columnId) {
        return columns.stream().filter(c -> c.id.equals(columnId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("column " + columnId + " of board " + boardId));
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
