package org.lifeos.finance.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lifeos.finance.money.Money;
import org.lifeos.finance.project.Project.Priority;

public final class ProjectDtos {

    /** What a link field accepts: an absolute http(s) URL without spaces (stored, never fetched). */
    static final String URL = "https?://[^\\s/?#]+[^\\s]*";
    static final String URL_MESSAGE = "must be an http or https URL";

    private ProjectDtos() {
    }

    public static class ProjectForm {
        @NotNull
        public UUID clientId;

        @NotBlank
        @Size(max = 255)
        public String name;

        @Size(max = 10_000)
        public String description;

        @NotNull
        @Pattern(regexp = "[a-z][a-z0-9_]{0,29}", message = "must be a lower-case word like website or mobile_app")
        public String type = "website";

        @NotNull
        @Schema(description = "planning, design, development, review or launched; a change moves one step forward, "
                + "or one back before launch (409 otherwise)")
        public ProjectStatus status = ProjectStatus.PLANNING;

        @NotNull
        public Priority priority = Priority.MEDIUM;

        public LocalDate startDate;

        public LocalDate dueDate;

        @Schema(description = "ISO 4217 of the budget and the paid amount; the client's currency when absent",
                example = "GBP")
        public String currency;

        @Schema(description = "Decimal string", example = "8000.00")
        public String budget;

        @Schema(description = "Decimal string: what the client has paid so far", example = "2000.00")
        public String paidAmount = "0";

        @Size(max = 2048)
        @Pattern(regexp = URL, message = URL_MESSAGE)
        public String repositoryUrl;

        @Size(max = 2048)
        @Pattern(regexp = URL, message = URL_MESSAGE)
        public String stagingUrl;

        @Size(max = 2048)
        @Pattern(regexp = URL, message = URL_MESSAGE)
        public String productionUrl;

        static ProjectForm of(Project p) {
            ProjectForm form = new ProjectForm();
            form.clientId = p.clientId;
            form.name = p.name;
            form.description = p.description;
            form.type = p.type;
            form.status = p.status;
            form.priority = p.priority;
            form.startDate = p.startDate;
            form.dueDate = p.dueDate;
            form.currency = p.currency;
            form.budget = p.budget == null ? null : Money.format(p.budget, p.currency);
            form.paidAmount = Money.format(p.paidAmount, p.currency);
            form.repositoryUrl = p.repositoryUrl;
            form.stagingUrl = p.stagingUrl;
            form.productionUrl = p.productionUrl;
            return form;
        }
    }

    public record ProjectView(UUID id, UUID clientId, String name, String description, String type,
                              ProjectStatus status, Priority priority, LocalDate startDate, LocalDate dueDate,
                              String currency, @Schema(example = "8000.00") String budget,
                              @Schema(example = "2000.00") String paidAmount,
                              @Schema(description = "budget − paid; absent without a budget", example = "6000.00")
                              String outstanding,
                              String repositoryUrl, String stagingUrl, String productionUrl, Instant createdAt,
                              Instant updatedAt, long version) {
        static ProjectView of(Project p) {
            return new ProjectView(p.id, p.clientId, p.name, p.description, p.type, p.status, p.priority,
                    p.startDate, p.dueDate, p.currency,
                    p.budget == null ? null : Money.format(p.budget, p.currency),
                    Money.format(p.paidAmount, p.currency),
                    p.budget == null ? null : Money.format(p.budget.subtract(p.paidAmount), p.currency),
                    p.repositoryUrl, p.stagingUrl, p.productionUrl, p.createdAt, p.updatedAt, p.version);
        }
    }

    public record ProjectLogView(UUID id, ProjectStatus oldStatus, ProjectStatus newStatus, UUID changedBy,
                                 Instant changedAt) {
        static ProjectLogView of(ProjectLog log) {
            return new ProjectLogView(log.id, log.oldStatus, log.newStatus, log.changedBy, log.changedAt);
        }
    }
}
