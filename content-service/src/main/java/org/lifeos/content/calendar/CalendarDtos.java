package org.lifeos.content.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lifeos.content.calendar.CalendarEnums.ContentType;
import org.lifeos.content.calendar.CalendarEnums.Status;
import org.lifeos.content.common.ContentPlatform;

/** What the calendar API reads and writes; entities never leave the service. */
public final class CalendarDtos {

    private CalendarDtos() {
    }

    /** An entry; {@code scheduledAt} is the moment its local date and time mean in its zone. */
    public record CalendarEntryView(UUID id, UUID domainId, String title, ContentType contentType,
                                    LocalDate scheduledDate, LocalTime scheduledTime, String timeZone,
                                    @Schema(description = "The scheduled date and time as an instant with the "
                                            + "zone's offset; absent without a time")
                                    OffsetDateTime scheduledAt, ContentPlatform platform, Status status,
                                    String notes, Instant createdAt, Instant updatedAt, long version) {

        static CalendarEntryView of(CalendarEntry entry) {
            OffsetDateTime at = entry.scheduledDate == null || entry.scheduledTime == null ? null
                    : entry.scheduledDate.atTime(entry.scheduledTime).atZone(ZoneId.of(entry.timeZone))
                    .toOffsetDateTime();
            return new CalendarEntryView(entry.id, entry.domainId, entry.title, entry.contentType,
                    entry.scheduledDate, entry.scheduledTime, entry.timeZone, at, entry.platform, entry.status,
                    entry.notes, entry.createdAt, entry.updatedAt, entry.version);
        }
    }

    /** An entry as a client writes it; POST reads it whole, PATCH merges into the current values. */
    public static class CalendarEntryForm {
        @Schema(description = "A planning-service domain, by id")
        public UUID domainId;

        @NotBlank
        @Size(max = 255)
        public String title;

        @NotNull
        public ContentType contentType;

        public LocalDate scheduledDate;

        @Schema(description = "Local time of day in timeZone; needs scheduledDate")
        public LocalTime scheduledTime;

        @Schema(description = "IANA zone of scheduledDate/scheduledTime; default: the user's (token zoneinfo, else UTC)")
        @Size(max = 64)
        public String timeZone;

        public ContentPlatform platform;

        @NotNull
        public Status status = Status.IDEA;

        @Size(max = 20_000)
        public String notes;

        static CalendarEntryForm of(CalendarEntry entry) {
            CalendarEntryForm form = new CalendarEntryForm();
            form.domainId = entry.domainId;
            form.title = entry.title;
            form.contentType = entry.contentType;
            form.scheduledDate = entry.scheduledDate;
            form.scheduledTime = entry.scheduledTime;
            form.timeZone = entry.timeZone;
            form.platform = entry.platform;
            form.status = entry.status;
            form.notes = entry.notes;
            return form;
        }
    }
}
