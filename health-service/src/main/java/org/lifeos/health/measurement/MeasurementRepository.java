package org.lifeos.health.measurement;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.lifeos.health.NewestFirst;
import org.lifeos.platform.api.Keyset;

/** The caller's measurements (row-level security shows no one else's). */
@ApplicationScoped
public class MeasurementRepository implements PanacheRepositoryBase<Measurement, UUID> {

    /** Newest first (date, then id, descending). */
    List<Measurement> page(Optional<MeasurementType> type, Optional<LocalDate> from, Optional<LocalDate> to,
                           Keyset keyset) {
        return new NewestFirst().and("type = :type", "type", type).and("date >= :from", "from", from)
                .and("date <= :to", "to", to).page(this, keyset);
    }

    /** Every measurement of {@code type} in the period, oldest first. */
    List<Measurement> period(MeasurementType type, LocalDate from, LocalDate to) {
        return list("type = ?1 and date >= ?2 and date <= ?3 order by date, id", type, from, to);
    }
}
