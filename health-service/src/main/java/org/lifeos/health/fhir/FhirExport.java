package org.lifeos.health.fhir;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.lifeos.health.measurement.Measurement;
import org.lifeos.health.medication.Medication;
import org.lifeos.health.profile.HealthProfile;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * The caller's own health data as FHIR R4 resources (HAPI FHIR structures): Observations of
 * wearable daily summaries and body measurements (LOINC-coded), MedicationStatements and the
 * profile's Conditions, all about the Patient whose id is the caller's user id. Row-level security
 * limits every read to the caller's rows, in the current circle.
 */
@ApplicationScoped
public class FhirExport {

    static final String UCUM = "http://unitsofmeasure.org";
    static final String LOINC = "http://loinc.org";
    static final String LIFEOS_METRICS = "https://lifeos.dev/fhir/CodeSystem/wearable-metric";
    static final String CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";

    /** LOINC code and display per wearable metric; sleep_stage (a stage value) has none. */
    static final Map<String, String[]> WEARABLE_LOINC = Map.of(
            "heart_rate", new String[] {"8867-4", "Heart rate"},
            "resting_heart_rate", new String[] {"40443-4", "Heart rate --resting"},
            "steps", new String[] {"55423-8", "Number of steps in unspecified time Pedometer"},
            "hrv", new String[] {"80404-7", "R-R interval.standard deviation (Heart rate variability)"},
            "spo2", new String[] {"59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry"},
            "active_energy", new String[] {"41981-2", "Calories burned"});

    /** LOINC code and display per measurement type; custom measurements have none. */
    static final Map<String, String[]> MEASUREMENT_LOINC = Map.of(
            "weight", new String[] {"29463-7", "Body weight"},
            "height", new String[] {"8302-2", "Body height"},
            "body_fat_pct", new String[] {"41982-0", "Percentage of body fat Measured"},
            "waist", new String[] {"8280-0", "Waist Circumference at umbilicus by Tape measure"},
            "hips", new String[] {"62409-8", "Hip circumference by Tape measure"},
            "bust", new String[] {"8279-2", "Chest circumference at nipple line"});

    /** The resource types exported one by one (bulk NDJSON). */
    public enum Type { Observation, MedicationStatement, Condition }

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private final EntityManager em;
    private final TenantContext context;

    public FhirExport(EntityManager em, TenantContext context) {
        this.em = em;
        this.context = context;
    }

    public static FhirContext fhir() {
        return FHIR;
    }

    /** Patient/$everything: the Patient and every resource of the types, as a searchset Bundle. */
    @Transactional
    public Bundle everything(ZoneId zone) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        bundle.addEntry().setResource(patient()).setFullUrl("Patient/" + context.userId());
        for (Type type : Type.values()) {
            resources(type, zone).forEach(r -> bundle.addEntry().setResource(r)
                    .setFullUrl(r.fhirType() + "/" + r.getIdElement().getIdPart()));
        }
        bundle.setTotal(bundle.getEntry().size());
        return bundle;
    }

    /** The resources of one type, for bulk NDJSON. */
    @Transactional
    public List<Resource> resources(Type type, ZoneId zone) {
        return switch (type) {
            case Observation -> observations(zone);
            case MedicationStatement -> medications();
            case Condition -> conditions();
        };
    }

    private Patient patient() {
        Patient patient = new Patient();
        patient.setId(context.userId().toString());
        return patient;
    }

    private Reference subject() {
        return new Reference("Patient/" + context.userId());
    }

    private List<Resource> observations(ZoneId zone) {
        List<Resource> out = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> summaries = em.createNativeQuery("""
                SELECT day, metric, min_value, max_value, sum_value, sample_count FROM wearable_daily_summaries
                ORDER BY day, metric""").getResultList();
        for (Object[] r : summaries) {
            LocalDate day = r[0] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[0];
            String metric = (String) r[1];
            BigDecimal sum = (BigDecimal) r[4];
            long count = ((Number) r[5]).longValue();
            boolean total = metric.equals("steps") || metric.equals("active_energy");
            BigDecimal value = total ? sum : sum.divide(BigDecimal.valueOf(count), 4, RoundingMode.HALF_EVEN);
            Observation o = observation("wearable-" + metric + "-" + day, "activity");
            String[] loinc = WEARABLE_LOINC.get(metric);
            CodeableConcept code = new CodeableConcept().setText(metric.replace('_', ' '));
            if (loinc != null) {
                code.addCoding(new Coding(LOINC, loinc[0], loinc[1]));
            }
            code.addCoding(new Coding(LIFEOS_METRICS, metric, null));
            o.setCode(code);
            o.setEffective(new Period().setStart(Date.from(day.atStartOfDay(zone).toInstant()))
                    .setEnd(Date.from(day.plusDays(1).atStartOfDay(zone).toInstant())));
            String unit = unitOf(metric);
            o.setValue(quantity(value, unit));
            o.addComponent().setCode(new CodeableConcept().setText("min")).setValue(quantity((BigDecimal) r[2], unit));
            o.addComponent().setCode(new CodeableConcept().setText("max")).setValue(quantity((BigDecimal) r[3], unit));
            o.addComponent().setCode(new CodeableConcept().setText("count"))
                    .setValue(new Quantity().setValue(count).setUnit("{samples}").setSystem(UCUM).setCode("{samples}"));
            o.addNote().setText(total ? "The day's total" : "The day's mean");
            out.add(o);
        }
        List<Measurement> measurements = em.createQuery("from Measurement order by date, id", Measurement.class)
                .getResultList();
        for (Measurement m : measurements) {
            String type = m.type.name().toLowerCase(Locale.ROOT);
            Observation o = observation(m.id.toString(), "vital-signs");
            String[] loinc = MEASUREMENT_LOINC.get(type);
            CodeableConcept code = new CodeableConcept().setText(type.replace('_', ' '));
            if (loinc != null) {
                code.addCoding(new Coding(LOINC, loinc[0], loinc[1]));
            }
            o.setCode(code);
            o.setEffective(new DateTimeType(m.date.toString()));
            o.setValue(quantity(m.value, m.unit));
            out.add(o);
        }
        return out;
    }

    private Observation observation(String id, String category) {
        Observation o = new Observation();
        o.setId(id);
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory(new CodeableConcept().addCoding(new Coding(CATEGORY, category, null)));
        o.setSubject(subject());
        return o;
    }

    private static Quantity quantity(BigDecimal value, String unit) {
        return new Quantity().setValue(value.stripTrailingZeros()).setUnit(unit).setSystem(UCUM).setCode(unit);
    }

    private static String unitOf(String metric) {
        return switch (metric) {
            case "heart_rate", "resting_heart_rate" -> "/min";
            case "steps" -> "{steps}";
            case "sleep_stage" -> "{stage}";
            case "hrv" -> "ms";
            case "spo2" -> "%";
            default -> "kcal";
        };
    }

    private List<Resource> medications() {
        List<Resource> out = new ArrayList<>();
        for (Medication m : em.createQuery("from Medication order by name, id", Medication.class).getResultList()) {
            MedicationStatement s = new MedicationStatement();
            s.setId(m.id.toString());
            boolean ended = m.endsOn != null && m.endsOn.isBefore(LocalDate.now(ZoneId.of(m.timeZone)));
            s.setStatus(!m.active ? MedicationStatement.MedicationStatementStatus.STOPPED
                    : ended ? MedicationStatement.MedicationStatementStatus.COMPLETED
                    : MedicationStatement.MedicationStatementStatus.ACTIVE);
            s.setMedication(new CodeableConcept().setText(m.name));
            s.setSubject(subject());
            Period period = new Period().setStart(Date.from(m.startAt.atZone(ZoneId.of(m.timeZone)).toInstant()));
            if (m.endsOn != null) {
                period.setEnd(Date.from(m.endsOn.plusDays(1).atStartOfDay(ZoneId.of(m.timeZone)).toInstant()));
            }
            s.setEffective(period);
            Dosage dosage = s.addDosage();
            dosage.setText(String.join("; ", Arrays.stream(new String[] {m.dosage, m.instructions,
                    "RRULE:" + m.scheduleRule + " (" + m.timeZone + ")"}).filter(t -> t != null && !t.isBlank()).toList()));
            out.add(s);
        }
        return out;
    }

    private List<Resource> conditions() {
        List<Resource> out = new ArrayList<>();
        List<HealthProfile> profiles = em.createQuery("from HealthProfile", HealthProfile.class).getResultList();
        for (HealthProfile p : profiles) {
            String text = p.conditions == null ? null : p.conditions.open();
            if (text == null || text.isBlank()) {
                continue;
            }
            int n = 0;
            for (String line : text.split("\\R|;")) {
                if (line.isBlank()) {
                    continue;
                }
                Condition c = new Condition();
                c.setId(UUID.nameUUIDFromBytes((p.id + "/" + n++).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .toString());
                c.setCode(new CodeableConcept().setText(line.strip()));
                c.setSubject(subject());
                c.setClinicalStatus(new CodeableConcept().addCoding(new Coding(
                        "http://terminology.hl7.org/CodeSystem/condition-clinical", "active", "Active")));
                c.addCategory(new CodeableConcept().addCoding(new Coding(
                        "http://terminology.hl7.org/CodeSystem/condition-category", "problem-list-item",
                        "Problem List Item")));
                out.add(c);
            }
        }
        return out;
    }
}
