package org.lifeos.content.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.lifeos.content.calendar.CalendarEnums.ContentType;
import org.lifeos.content.calendar.CalendarEnums.Status;
import org.lifeos.content.common.ContentPlatform;

/** One planned piece of content (seed 000 content_calendar). */
@Entity
@Table(name = "content_calendar")
public class CalendarEntry {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "domain_id")
    public UUID domainId;

    public String title;

    @Column(name = "content_type")
    @Convert(converter = CalendarEnums.ContentTypeConverter.class)
    public ContentType contentType;

    @Column(name = "scheduled_date")
    public LocalDate scheduledDate;

    @Column(name = "scheduled_time")
    public LocalTime scheduledTime;

    @Column(name = "time_zone")
    public String timeZone;

    @Convert(converter = ContentPlatform.Converter.class)
    public ContentPlatform platform;

    @Convert(converter = CalendarEnums.StatusConverter.class)
    public Status status = Status.IDEA;

    public String notes;

    @Version
    public long version;

    @Column(name = "created_by", updatable = false)
    public UUID createdBy;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
