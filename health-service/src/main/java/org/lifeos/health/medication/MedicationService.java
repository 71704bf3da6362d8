package org.lifeos.health.medication;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lifeos.health.UserZone;
import org.lifeos.health.medication.MedicationDose.Status;
import org.lifeos.health.medication.MedicationDtos.AdherenceView;
import org.lifeos.health.medication.MedicationDtos.DoseForm;
import org.lifeos.health.medication.MedicationDtos.MedicationForm;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.tenancy.ReadOnly;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * The caller's medications, their dose schedules (RRULE in the medication's time zone) and the log
 * of doses taken or skipped; adherence over a period is taken ÷ scheduled.
 */
@ApplicationScoped
public class MedicationService {

    /** The longest period one adherence question covers. */
    static final int MAX_PERIOD_DAYS = 366;

    private final MedicationRepository medications;
    private final TenantContext context;
    private final UserZone zone;

    public MedicationService(MedicationRepository medications, TenantContext context, UserZone zone) {
        this.medications = medications;
        this.context = context;
        this.zone = zone;
    }

    @Transactional
    public Medication create(MedicationForm form) {
        return save(new Medication(context.circleId(), context.userId()), form, true);
    }

    @Transactional
    @ReadOnly
    public Medication get(UUID id) {
        return medications.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("medication " + id));
    }

    @Transactional
    @ReadOnly
    public List<Medication> list(Keyset keyset) {
        return medications.page(keyset);
    }

    @Transactional
    public Medication update(UUID id, String ifMatch, UnaryOperator<MedicationForm> patch) {
        Medication m = ETags.matching(get(id), ifMatch, x -> x.version);
        return save(m, patch.apply(MedicationForm.of(m)), false);
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        medications.delete(ETags.matching(get(id), ifMatch, x -> x.version));
    }

    /** Logs the answer to one scheduled dose, once (409 when that dose has one). */
    @Transactional
    public MedicationDose logDose(UUID id, DoseForm form) {
        Medication m = get(id);
        DoseSchedule schedule = DoseSchedule.of(m);
        if (!schedule.isDoseTime(form.scheduledFor)) {
            throw ProblemException.badField("scheduledFor", "is not a dose time of this medication's schedule");
        }
        if (form.scheduledFor.isAfter(now(m).plusDays(1))) {
            throw ProblemException.badField("scheduledFor", "is more than a day ahead");
        }
        if (form.status == Status.SKIPPED && form.takenAt != null) {
            throw ProblemException.badField("takenAt", "only a taken dose has a time taken");
        }
        if (medications.doseLogged(m.id, form.scheduledFor)) {
            throw new ProblemException(ProblemType.CONFLICT, "The dose of " + form.scheduledFor + " is already logged");
        }
        MedicationDose dose = new MedicationDose(m, form.scheduledFor);
        dose.status = form.status;
        dose.takenAt = form.status == Status.TAKEN ? (form.takenAt == null ? Instant.now() : form.takenAt) : null;
        dose.notes = form.notes;
        medications.getEntityManager().persist(dose);
        medications.flush();
        return dose;
    }

    @Transactional
    @ReadOnly
    public List<MedicationDose> doses(UUID id, LocalDate from, LocalDate to) {
        Medication m = get(id);
        period(from, to);
        return medications.doses(m.id, from.atStartOfDay(), to.plusDays(1).atStartOfDay());
    }

    /**
     * Adherence from {@code from} to {@code to} (dates in the medication's zone, inclusive): the
     * dose times of the period that are not in the future are scheduled; each logged taken dose of
     * one of them counts as taken. Doses logged for times the current schedule no longer has do
     * not count.
     */
    @Transactional
    @ReadOnly
    public AdherenceView adherence(UUID id, LocalDate from, LocalDate to) {
        Medication m = get(id);
        period(from, to);
        LocalDateTime start = from.atStartOfDay();
        LocalDateTime until = to.plusDays(1).atStartOfDay();
        LocalDateTime now = now(m);
        if (now.isBefore(until)) {
            until = now.isBefore(start) ? start : now;
        }
        Set<LocalDateTime> scheduled = Set.copyOf(DoseSchedule.of(m).between(start, until));
        List<MedicationDose> logged = medications.doses(m.id, start, until).stream()
                .filter(d -> scheduled.contains(d.scheduledFor)).toList();
        int taken = (int) logged.stream().filter(d -> d.status == Status.TAKEN).count();
        int skipped = logged.size() - taken;
        BigDecimal pct = scheduled.isEmpty() ? null : BigDecimal.valueOf(taken * 100L)
                .divide(BigDecimal.valueOf(scheduled.size()), 2, RoundingMode.HALF_EVEN);
        return new AdherenceView(m.id, from, to, scheduled.size(), taken, skipped,
                scheduled.size() - logged.size(), pct);
    }

    /** The medication's zone's wall-clock time now. */
    private static LocalDateTime now(Medication m) {
        return LocalDateTime.now(ZoneId.of(m.timeZone));
    }

    private static void period(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ProblemException.badField("to", "must not be before from");
        }
        if (from.plusDays(MAX_PERIOD_DAYS).isBefore(to)) {
            throw ProblemException.badField("to", "a period covers at most " + MAX_PERIOD_DAYS + " days");
        }
    }

    private Medication save(Medication m, MedicationForm form, boolean create) {
        DoseSchedule.parse(form.scheduleRule);
        String timeZone = form.timeZone == null || form.timeZone.isBlank() ? zone.zone().getId() : form.timeZone.strip();
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw ProblemException.badField("timeZone", "is not an IANA time zone such as Europe/Berlin");
        }
        if (form.endsOn != null && form.endsOn.isBefore(form.startAt.toLocalDate())) {
            throw ProblemException.badField("endsOn", "must not be before startAt");
        }
        m.name = form.name.strip();
        m.dosage = form.dosage;
        m.instructions = form.instructions;
        m.scheduleRule = form.scheduleRule.strip();
        m.startAt = form.startAt;
        m.endsOn = form.endsOn;
        m.timeZone = timeZone;
        m.active = form.active == null || form.active;
        if (create) {
            medications.persist(m);
        }
        medications.flush();
        return m;
    }
}
