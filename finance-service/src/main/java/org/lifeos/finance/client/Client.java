package org.lifeos.finance.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.fasterxml.jackson.annotation.JsonValue;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.lifeos.platform.db.LowerCaseEnumConverter;

/** A CRM client (seed 001): an active one's monthly retainer counts in MRR. */
@Entity
@Table(name = "clients")
public class Client {

    public enum Status {
        ACTIVE, PAUSED, COMPLETED, CHURNED;

        @JsonValue
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Health {
        GREEN, YELLOW, RED;

        @JsonValue
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Payment {
        CURRENT, PENDING, OVERDUE;

        @JsonValue
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static class StatusConverter extends LowerCaseEnumConverter<Status> {
        public StatusConverter() {
            super(Status.class);
        }
    }

    public static class HealthConverter extends LowerCaseEnumConverter<Health> {
        public HealthConverter() {
            super(Health.class);
        }
    }

    public static class PaymentConverter extends LowerCaseEnumConverter<Payment> {
        public PaymentConverter() {
            super(Payment.class);
        }
    }

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "contact_id")
    public UUID contactId;

    public String name;

    public String email;

    public String company;

    @Convert(converter = StatusConverter.class)
    public Status status;

    @Convert(converter = HealthConverter.class)
    @Column(name = "health_score")
    public Health healthScore;

    @Convert(converter = PaymentConverter.class)
    @Column(name = "payment_status")
    public Payment paymentStatus;

    public String currency;

    @Column(name = "contract_value")
    public BigDecimal contractValue;

    @Column(name = "monthly_retainer")
    public BigDecimal monthlyRetainer;

    @Column(name = "last_contacted")
    public Instant lastContacted;

    @Column(name = "next_followup")
    public LocalDate nextFollowup;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> metadata;

    @Version
    public long version;

    @Column(name = "created_by", updatable = false)
    public UUID createdBy;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
