package org.lifeos.finance.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.lifeos.finance.client.ClientService;
import org.lifeos.finance.FilteredQuery;
import org.lifeos.finance.money.Money;
import org.lifeos.finance.project.ProjectDtos.ProjectForm;
import org.lifeos.finance.project.ProjectDtos.ProjectLogView;
import org.lifeos.finance.project.ProjectDtos.ProjectView;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.ids.Ids;
import org.lifeos.platform.tenancy.ReadOnly;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * Projects of the circle's clients. A status change is checked against the pipeline
 * ({@link ProjectStatus}) and logged in {@code project_logs}, as is the status a project starts in.
 * Projects are never deleted (the pipeline's history stays with them).
 */
@ApplicationScoped
public class ProjectService {

    private final EntityManager entityManager;
    private final ClientService clients;
    private final TenantContext context;

    public ProjectService(EntityManager entityManager, ClientService clients, TenantContext context) {
        this.entityManager = entityManager;
        this.clients = clients;
        this.context = context;
    }

    @Transactional
    public ProjectView create(ProjectForm form) {
        Project project = new Project();
        project.id = Ids.next();
        project.tenantId = context.circleId();
        project.createdBy = context.userId();
        project.createdAt = Instant.now();
        apply(project, form);
        project.status = form.status;
        entityManager.persist(project);
        log(project, null);
        entityManager.flush();
        return ProjectView.of(project);
    }

    @Transactional
    @ReadOnly
    public ProjectView get(UUID id) {
        return ProjectView.of(find(id, LockModeType.NONE));
    }

    @Transactional
    @ReadOnly
    public List<ProjectView> list(Optional<ProjectStatus> status, Optional<UUID> clientId, Keyset keyset) {
        return FilteredQuery.of(Project.class, "1 = 1")
                .and("status = :status", "status", status)
                .and("clientId = :client", "client", clientId)
                .andIf(keyset.after(), "id > :after", () -> Map.of("after", keyset.uuid(0)))
                .list(entityManager, "id", keyset.fetch()).stream().map(ProjectView::of).toList();
    }

    @Transactional
    public ProjectView update(UUID id, String ifMatch, UnaryOperator<ProjectForm> patch) {
        Project project = ETags.matching(find(id, LockModeType.PESSIMISTIC_WRITE), ifMatch, p -> p.version);
        ProjectForm form = patch.apply(ProjectForm.of(project));
        ProjectStatus before = project.status;
        ProjectStatus after = before.moveTo(form.status);
        apply(project, form);
        if (after != before) {
            project.status = after;
            log(project, before);
        }
        entityManager.flush();
        return ProjectView.of(project);
    }

    /** The project's moves through the pipeline, oldest first. */
    @Transactional
    public List<ProjectLogView> logs(UUID id, Keyset keyset) {
        find(id, LockModeType.NONE);
        return FilteredQuery.of(ProjectLog.class, "projectId = :project").with("project", id)
                .andIf(keyset.after(), "changedAt > :at or (changedAt = :at and id > :id)",
                        () -> Map.of("at", keyset.instant(0), "id", keyset.uuid(1)))
                .list(entityManager, "changedAt, id", keyset.fetch()).stream().map(ProjectLogView::of).toList();
    }

    private Project find(UUID id, LockModeType lock) {
        Project project = entityManager.find(Project.class, id, lock);
        if (project == null) {
            throw ProblemException.notFound("project " + id);
        }
        return project;
    }

    private void log(Project project, ProjectStatus before) {
        ProjectLog log = new ProjectLog();
        log.id = Ids.next();
        log.tenantId = project.tenantId;
        log.projectId = project.id;
        log.oldStatus = before;
        log.newStatus = project.status;
        log.changedBy = context.userId();
        log.changedAt = Instant.now();
        entityManager.persist(log);
    }

    /** Every field but the status, validated whole; the currency is the client's unless named. */
    private void apply(Project project, ProjectForm form) {
        Currency currency = clients.currencyFor(form.clientId, project.clientId, form.currency);
        BigDecimal budget = form.budget == null ? null : Money.amount("budget", form.budget, currency, false);
        BigDecimal paid = Money.amount("paidAmount", form.paidAmount == null ? "0" : form.paidAmount, currency, false);
        if (form.startDate != null && form.dueDate != null && form.dueDate.isBefore(form.startDate)) {
            throw ProblemException.badField("dueDate", "is before startDate");
        }
        project.clientId = form.clientId;
        project.name = form.name.strip();
        project.description = form.description;
        project.type = form.type;
        project.priority = form.priority;
        project.startDate = form.startDate;
        project.dueDate = form.dueDate;
        project.currency = currency.getCurrencyCode();
        project.budget = budget;
        project.paidAmount = paid;
        project.repositoryUrl = form.repositoryUrl;
        project.stagingUrl = form.stagingUrl;
        project.productionUrl = form.productionUrl;
        project.updatedAt = Instant.now();
    }
}
