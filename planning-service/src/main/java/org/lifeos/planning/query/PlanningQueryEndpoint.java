package org.lifeos.planning.query;

import static org.lifeos.planning.PlanningResources.READ;
import static org.lifeos.planning.PlanningResources.SEARCH;
import static org.lifeos.planning.PlanningResources.TASKS;
import static org.lifeos.platform.grpc.GrpcAnswers.answer;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import org.lifeos.contracts.planning.v1.BillableMinutesRequest;
import org.lifeos.contracts.planning.v1.BillableMinutesResponse;
import org.lifeos.contracts.planning.v1.DomainMinutes;
import org.lifeos.contracts.planning.v1.PlanningQuery;
import org.lifeos.contracts.planning.v1.SearchHit;
import org.lifeos.contracts.planning.v1.SearchRequest;
import org.lifeos.contracts.planning.v1.SearchResponse;
import org.lifeos.contracts.planning.v1.TaskMinutesRequest;
import org.lifeos.contracts.planning.v1.TaskMinutesResponse;
import org.lifeos.contracts.planning.v1.TaskTime;
import org.lifeos.contracts.planning.v1.TodaySummaryRequest;
import org.lifeos.contracts.planning.v1.TodaySummaryResponse;
import org.lifeos.contracts.planning.v1.TodayTask;
import org.lifeos.planning.habit.HabitAgenda.DueHabit;
import org.lifeos.planning.search.SearchService;
import org.lifeos.planning.search.SearchableKinds;
import org.lifeos.planning.time.UserDay;
import org.lifeos.planning.today.TodayService;
import org.lifeos.planning.today.TodayService.Today;
import org.lifeos.platform.grpc.GrpcCallers;
import org.lifeos.platform.grpc.GrpcCallers.InCircle;

/**
 * {@code lifeos.planning.v1.PlanningQuery}, served on the HTTP port next to REST. Each call is
 * authenticated and put in its circle by the platform's {@link GrpcCallers} (the user's token,
 * its scopes, identity's access check, row-level security), then answered by the same services as the REST endpoints. The work
 * is blocking (database), so it runs on a worker thread.
 */
@GrpcService
public class PlanningQueryEndpoint implements PlanningQuery {

    private static final int TODAY_TASKS = 10;
    private static final int MAX_TASK_IDS = 500;
    private final GrpcCallers callers;
    private final TodayService today;
    private final BillableMinutes billable;
    private final SearchService search;
    private final SearchableKinds kinds;
    private final TaskMinutes taskMinutes;

    public PlanningQueryEndpoint(GrpcCallers callers, TodayService today, BillableMinutes billable,
                                 SearchService search, SearchableKinds kinds, TaskMinutes taskMinutes) {
        this.taskMinutes = taskMinutes;
        this.callers = callers;
        this.today = today;
        this.billable = billable;
        this.search = search;
        this.kinds = kinds;
    }

    @Override
    @Blocking
    public Uni<TodaySummaryResponse> todaySummary(TodaySummaryRequest request) {
        return answer(() -> {
            InCircle caller = callers.inCircle(request.getCircleId(), TASKS, "read", READ);
            Today day = today.of(date("date", request.getDate(), null), UserDay.zoneOf(caller.caller().jwt()));
            TodaySummaryResponse.Builder response = TodaySummaryResponse.newBuilder()
                    .setDate(day.date().toString()).setTimeZone(day.timeZone())
                    .setOpenTasks(day.tasks().size())
                    .setOverdueTasks((int) day.tasks().stream().filter(TodayService.TodayTask::overdue).count())
                    .setHabitsDue(day.habits().size())
                    .setHabitsCheckedIn((int) day.habits().stream().map(DueHabit::checkIn)
                            .filter(Objects::nonNull).count())
                    .setTimeBlocks(day.timeBlocks().size()).setFreeMinutes(day.freeMinutes());
            day.tasks().stream().limit(TODAY_TASKS).forEach(t -> response.addTasks(TodayTask.newBuilder()
                    .setTaskId(t.task().id().toString()).setTitle(t.task().title()).setOverdue(t.overdue())
                    .setPriority(t.task().priority().toString())));
            return response.build();
        });
    }

    @Override
    @Blocking
    public Uni<BillableMinutesResponse> billableMinutes(BillableMinutesRequest request) {
        return answer(() -> {
            InCircle caller = callers.inCircle(request.getCircleId(), TASKS, "read", READ);
            LocalDate from = date("from", request.getFrom(), null);
            LocalDate to = date("to", request.getTo(), null);
            if (from == null || to == null || to.isBefore(from)) {
                throw Status.INVALID_ARGUMENT.withDescription("from and to: ISO dates, to not before from")
                        .asRuntimeException();
            }
            List<BillableMinutes.DomainMinutes> rows = billable.between(from, to, UserDay.zoneOf(caller.caller().jwt()));
            BillableMinutesResponse.Builder response = BillableMinutesResponse.newBuilder()
                    .setTotalMinutes(rows.stream().mapToLong(BillableMinutes.DomainMinutes::minutes).sum());
            rows.forEach(r -> response.addDomains(DomainMinutes.newBuilder().setDomainId(r.domainId().toString())
                    .setDomainName(r.domainName()).setMinutes(r.minutes()).setTasks(r.tasks())));
            return response.build();
        });
    }

    @Override
    @Blocking
    public Uni<SearchResponse> search(SearchRequest request) {
        return answer(() -> {
            // As GET /api/v1/search: members may search; each kind only if they may read it.
            InCircle caller = callers.inCircle(request.getCircleId(), SEARCH, "read", READ);
            int limit = request.getLimit() == 0 ? 20 : request.getLimit();
            if (limit < 1 || limit > 50) {
                throw Status.INVALID_ARGUMENT.withDescription("limit: must be between 1 and 50").asRuntimeException();
            }
            Set<String> readable = kinds.readable(caller.caller().grant(), caller.caller().token(), caller.circleId());
            if (readable.isEmpty()) {
                throw Status.PERMISSION_DENIED.withDescription("You may read none of tasks, goals and notes here")
                        .asRuntimeException();
            }
            SearchResponse.Builder response = SearchResponse.newBuilder();
            search.search(request.getQuery(), limit, readable).forEach(hit -> response.addHits(SearchHit.newBuilder()
                    .setKind(hit.kind()).setId(hit.id().toString()).setTitle(hit.title())
                    .setSnippet(hit.snippet() == null ? "" : hit.snippet()).setRank(hit.rank())));
            return response.build();
        });
    }

    @Override
    @Blocking
    public Uni<TaskMinutesResponse> taskMinutes(TaskMinutesRequest request) {
        return answer(() -> {
            callers.inCircle(request.getCircleId(), TASKS, "read", READ);
            if (request.getTaskIdsCount() > MAX_TASK_IDS) {
                throw Status.INVALID_ARGUMENT.withDescription("task_ids: at most " + MAX_TASK_IDS).asRuntimeException();
            }
            List<UUID> ids = request.getTaskIdsList().stream()
                    .map(id -> GrpcCallers.canonicalUuid(id, "task_ids")).distinct().toList();
            TaskMinutesResponse.Builder response = TaskMinutesResponse.newBuilder();
            taskMinutes.of(ids).forEach(t -> response.addTasks(TaskTime.newBuilder().setTaskId(t.taskId().toString())
                    .setFound(t.found()).setBlockMinutes(t.blockMinutes()).setRecordedMinutes(t.recordedMinutes())
                    .setMinutes(t.minutes()).setCompletedBlocks(t.completedBlocks())));
            return response.build();
        });
    }

    private static LocalDate date(String field, String value, LocalDate absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw Status.INVALID_ARGUMENT.withDescription(field + ": must be an ISO date").asRuntimeException();
        }
    }
}
