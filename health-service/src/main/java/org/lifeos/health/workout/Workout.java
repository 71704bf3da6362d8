package org.lifeos.health.workout;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.lifeos.health.PrivateRow;
import org.lifeos.health.workout.WorkoutEnums.Intensity;
import org.lifeos.health.workout.WorkoutEnums.WorkoutType;

/** One workout of one member (seed 001). */
@Entity
@Table(name = "workouts")
public class Workout extends PrivateRow {

    public LocalDate date;

    @Convert(converter = WorkoutEnums.TypeConverter.class)
    public WorkoutType type;

    public String title;

    @Column(name = "duration_minutes")
    public int durationMinutes;

    @Convert(converter = WorkoutEnums.IntensityConverter.class)
    public Intensity intensity;

    @Column(name = "distance_km")
    public BigDecimal distanceKm;

    public Integer calories;

    public String notes;

    protected Workout() {
    }

    Workout(UUID circle, UUID owner) {
        super(circle, owner);
    }
}
