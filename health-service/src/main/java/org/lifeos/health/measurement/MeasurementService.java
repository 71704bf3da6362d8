package org.lifeos.health.measurement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lifeos.health.measurement.MeasurementDtos.MeasurementForm;
import org.lifeos.health.measurement.MeasurementDtos.MeasurementView;
import org.lifeos.health.measurement.MeasurementDtos.TrendPoint;
import org.lifeos.health.measurement.MeasurementDtos.TrendView;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.tenancy.ReadOnly;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * The caller's body measurements, each in the UCUM unit it was taken in; reads convert to the unit
 * a client asks for. Only the owner sees them (row-level security).
 */
@ApplicationScoped
public class MeasurementService {

    /** The longest period one trend covers. */
    static final int MAX_TREND_DAYS = 3660;

    private final MeasurementRepository measurements;
    private final TenantContext context;

    public MeasurementService(MeasurementRepository measurements, TenantContext context) {
        this.measurements = measurements;
        this.context = context;
    }

    @Transactional
    public Measurement create(MeasurementForm form) {
        return save(new Measurement(context.circleId(), context.userId()), form, true);
    }

    @Transactional
    @ReadOnly
    public Measurement get(UUID id) {
        return measurements.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("measurement " + id));
    }

    @Transactional
    @ReadOnly
    public List<Measurement> list(Optional<MeasurementType> type, Optional<LocalDate> from, Optional<LocalDate> to,
                                  Keyset keyset) {
        return measurements.page(type, from, to, keyset);
    }

    @Transactional
    public Measurement update(UUID id, String ifMatch, UnaryOperator<MeasurementForm> patch) {
        Measurement measurement = ETags.matching(get(id), ifMatch, m -> m.version);
        return save(measurement, patch.apply(MeasurementForm.of(measurement)), false);
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        measurements.delete(ETags.matching(get(id), ifMatch, m -> m.version));
    }

    /**
     * {@code type} from {@code from} to {@code to} (inclusive) in {@code unit} (the type's first
     * unit when empty; required for custom): a point per day, the mean of that day's values.
     * Custom measurements in a unit that does not convert to {@code unit} are left out.
     */
    @Transactional
    @ReadOnly
    public TrendView trend(MeasurementType type, LocalDate from, LocalDate to, Optional<String> unit) {
        if (to.isBefore(from)) {
            throw ProblemException.badField("to", "must not be before from");
        }
        if (from.plusDays(MAX_TREND_DAYS).isBefore(to)) {
            throw ProblemException.badField("to", "a trend covers at most " + MAX_TREND_DAYS + " days");
        }
        String target = unit.map(u -> fitting(type, u, "unit")).orElseGet(() -> {
            if (type.units().isEmpty()) {
                throw ProblemException.badField("unit", "is required for custom measurements");
            }
            return type.units().get(0);
        });
        Map<LocalDate, List<BigDecimal>> days = new TreeMap<>();
        for (Measurement m : measurements.period(type, from, to)) {
            Ucum.convert(m.value, m.unit, target)
                    .ifPresent(v -> days.computeIfAbsent(m.date, d -> new ArrayList<>()).add(v));
        }
        List<TrendPoint> points = days.entrySet().stream().map(day -> new TrendPoint(day.getKey(),
                day.getValue().stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(day.getValue().size()), Ucum.SCALE, RoundingMode.HALF_EVEN),
                day.getValue().size())).toList();
        if (points.isEmpty()) {
            return new TrendView(type, target, from, to, 0, null, null, null, null, null, points);
        }
        BigDecimal first = points.get(0).value();
        BigDecimal last = points.get(points.size() - 1).value();
        return new TrendView(type, target, from, to, points.stream().mapToInt(TrendPoint::count).sum(), first, last,
                last.subtract(first),
                points.stream().map(TrendPoint::value).min(BigDecimal::compareTo).orElseThrow(),
                points.stream().map(TrendPoint::value).max(BigDecimal::compareTo).orElseThrow(), points);
    }

    /** {@code m} as stored, or converted to {@code unit}, which must fit its type (400 naming unit). */
    public MeasurementView view(Measurement m, Optional<String> unit) {
        if (unit.isEmpty() || unit.get().equals(m.unit)) {
            return MeasurementView.of(m, m.value, m.unit);
        }
        String target = fitting(m.type, unit.get(), "unit");
        BigDecimal value = Ucum.convert(m.value, m.unit, target).orElseThrow(() -> ProblemException.badField("unit",
                "cannot express " + m.unit + " in " + target));
        return MeasurementView.of(m, value, target);
    }

    private static String fitting(MeasurementType type, String unit, String field) {
        if (!type.fits(unit)) {
            throw ProblemException.badField(field, type.units().isEmpty() ? "must not be blank"
                    : "must be a UCUM unit of " + type + ": one of " + String.join(", ", type.units()));
        }
        return unit;
    }

    private Measurement save(Measurement m, MeasurementForm form, boolean create) {
        m.unit = fitting(form.type, form.unit.strip(), "unit");
        if (form.type == MeasurementType.BODY_FAT_PCT && form.value.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw ProblemException.badField("value", "a percentage is at most 100");
        }
        m.date = form.date;
        m.type = form.type;
        m.value = form.value;
        m.notes = form.notes;
        if (create) {
            measurements.persist(m);
        }
        measurements.flush();
        return m;
    }
}
