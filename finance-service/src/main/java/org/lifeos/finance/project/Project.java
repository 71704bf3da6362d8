package org.lifeos.finance.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.fasterxml.jackson.annotation.JsonValue;
import org.lifeos.platform.db.LowerCaseEnumConverter;

/** A client's project (seed 001): its place in the pipeline, budget and what is paid, in one currency. */
@Entity
@Table(name = "projects")
public class Project {

    public enum Priority {
        LOW, MEDIUM, HIGH, URGENT;

        @JsonValue
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static class PriorityConverter extends LowerCaseEnumConverter<Priority> {
        public PriorityConverter() {
            super(Priority.class);
        }
    }

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "client_id")
    public UUID clientId;

    public String name;

    public String description;

    public String type;

    @Convert(converter = ProjectStatus.Converter.class)
    public ProjectStatus status;

    @Convert(converter = PriorityConverter.class)
    public Priority priority;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "due_date")
    public LocalDate dueDate;

    public String currency;

    public BigDecimal budget;

    @Column(name = "paid_amount")
    public BigDecimal paidAmount;

    @Column(name = "repository_url")
    public String repositoryUrl;

    @Column(name = "staging_url")
    public String stagingUrl;

    @Column(name = "production_url")
    public String productionUrl;

    @Version
    public long version;

    @Column(name = "created_by", updatable = false)
    public UUID createdBy;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
