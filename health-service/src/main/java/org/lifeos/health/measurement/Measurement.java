package org.lifeos.health.measurement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.lifeos.health.PrivateRow;

/** One body measurement of one member (seed 000), in the unit it was taken in. */
@Entity
@Table(name = "measurements")
public class Measurement extends PrivateRow {

    public LocalDate date;

    @Convert(converter = MeasurementType.Converter.class)
    public MeasurementType type;

    public BigDecimal value;

    public String unit;

    public String notes;

    protected Measurement() {
    }

    Measurement(UUID circle, UUID owner) {
        super(circle, owner);
    }

}
