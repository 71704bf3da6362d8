package org.lifeos.finance.income;

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
import org.lifeos.platform.crypto.DataClass;
import org.lifeos.platform.crypto.Encrypted;
import org.lifeos.platform.crypto.Sealed;
import org.lifeos.platform.db.LowerCaseEnumConverter;

/** Money the circle earned; amount and description are sealed (financial data), the currency is clear. */
@Entity
@Table(name = "income_entries")
public class IncomeEntry {

    /** Where the income came from (seed 000). */
    public enum SourceType {
        SESSION, SUBSCRIPTION, TIP, CONTENT_SALE, INVOICE, OTHER;

        @JsonValue
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static class SourceTypeConverter extends LowerCaseEnumConverter<SourceType> {
        public SourceTypeConverter() {
            super(SourceType.class);
        }
    }

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "domain_id")
    public UUID domainId;

    public LocalDate date;

    @Encrypted(DataClass.FINANCIAL)
    @Column(name = "amount_encrypted")
    public Sealed amount;

    public String currency;

    @Convert(converter = SourceTypeConverter.class)
    @Column(name = "source_type")
    public SourceType sourceType;

    @Encrypted(DataClass.FINANCIAL)
    @Column(name = "description_encrypted")
    public Sealed description;

    @Column(name = "duration_minutes")
    public Integer durationMinutes;

    @Column(name = "contact_id")
    public UUID contactId;

    /** content-service's revenue id when the entry came from a {@code content.revenue} event. */
    @Column(name = "content_revenue_id", updatable = false)
    public UUID contentRevenueId;

    @Version
    public long version;

    @Column(name = "created_by", updatable = false)
    public UUID createdBy;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
