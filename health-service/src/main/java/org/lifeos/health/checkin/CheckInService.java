package org.lifeos.health.checkin;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lifeos.health.UserZone;
import org.lifeos.health.checkin.CheckInDtos.CheckInForm;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.tenancy.ReadOnly;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * A member's daily check-ins: one per day, the day being their local date (token {@code zoneinfo},
 * UTC by default), never after their today. POST records a day once (409 when it has one); PUT
 * by date is the idempotent way, creating (201) or replacing (200) that day's check-in.
 */
@ApplicationScoped
public class CheckInService {

    private final CheckInRepository checkIns;
    private final TenantContext context;
    private final UserZone zone;

    public CheckInService(CheckInRepository checkIns, TenantContext context, UserZone zone) {
        this.checkIns = checkIns;
        this.context = context;
        this.zone = zone;
    }

    /** What a write did. */
    public record Written(DailyCheckIn checkIn, boolean created) {
    }

    @Transactional
    public Written create(Optional<LocalDate> date, CheckInForm form) {
        return write(date.orElseGet(zone::today), null, form, false);
    }

    @Transactional
    public Written put(LocalDate date, String ifMatch, CheckInForm form) {
        return write(date, ifMatch, form, true);
    }

    @Transactional
    @ReadOnly
    public DailyCheckIn get(LocalDate date) {
        return checkIns.ofDay(context.userId(), date)
                .orElseThrow(() -> ProblemException.notFound("check-in of " + date));
    }

    @Transactional
    @ReadOnly
    public List<DailyCheckIn> list(Optional<LocalDate> from, Optional<LocalDate> to, Keyset keyset) {
        return checkIns.page(from, to, keyset);
    }

    @Transactional
    public void delete(LocalDate date, String ifMatch) {
        checkIns.delete(ETags.matching(get(date), ifMatch, c -> c.version));
    }

    private Written write(LocalDate date, String ifMatch, CheckInForm form, boolean replace) {
        if (date.isAfter(zone.today())) {
            throw ProblemException.badField("date", "is after your today (" + zone.today() + " in " + zone.zone() + ")");
        }
        if (form.mood == null && form.energy == null && form.sleepQuality == null
                && (form.notes == null || form.notes.isBlank())) {
            throw ProblemException.badField("mood", "give at least one of mood, energy, sleepQuality and notes");
        }
        checkIns.lockDay(context.circleId(), context.userId(), date);
        Optional<DailyCheckIn> existing = checkIns.ofDay(context.userId(), date);
        DailyCheckIn checkIn;
        if (existing.isPresent()) {
            if (!replace) {
                throw new ProblemException(ProblemType.CONFLICT, date + " already has a check-in; PUT "
                        + "/api/v1/check-ins/daily/" + date + " replaces it");
            }
            checkIn = ETags.matching(existing.get(), ifMatch, c -> c.version);
        } else {
            if (ifMatch != null && !ifMatch.isBlank()) {
                throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                        "There is no check-in of " + date + " yet, so If-Match cannot match it");
            }
            checkIn = new DailyCheckIn(context.circleId(), context.userId(), date);
        }
        checkIn.mood = form.mood;
        checkIn.energy = form.energy;
        checkIn.sleepQuality = form.sleepQuality;
        checkIn.notes = form.notes;
        if (existing.isEmpty()) {
            checkIns.persist(checkIn);
        }
        checkIns.flush();
        return new Written(checkIn, existing.isEmpty());
    }
}
