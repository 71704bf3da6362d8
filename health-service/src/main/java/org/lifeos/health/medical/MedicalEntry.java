package org.lifeos.health.medical;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.lifeos.health.PrivateRow;

import org.lifeos.platform.crypto.DataClass;
import org.lifeos.platform.crypto.Encrypted;
import org.lifeos.platform.crypto.Sealed;

/**
 * One medical entry of one member (seed 000). {@code details} is sealed with the owner's private
 * PHI key; {@code sharedDetails} is the copy a grantee opens (the circle's PHI key), present only
 * while a share covers the entry.
 */
@Entity
@Table(name = "medical_entries")
public class MedicalEntry extends PrivateRow {

    public LocalDate date;

    @Convert(converter = EntryType.Converter.class)
    public EntryType type;

    public String title;

    @Encrypted(value = DataClass.PHI, privateTo = "ownerId")
    @Column(name = "details_encrypted")
    public Sealed details;

    @Encrypted(DataClass.PHI)
    @Column(name = "shared_details_encrypted")
    public Sealed sharedDetails;

    public String provider;

    @Column(name = "next_date")
    public LocalDate nextDate;

    protected MedicalEntry() {
    }

    MedicalEntry(UUID circle, UUID owner) {
        super(circle, owner);
    }

    /** The details in the clear, for its owner (private key) or a grantee (the shared copy). */
    String detailsFor(UUID reader) {
        Sealed value = reader.equals(ownerId) ? details : sharedDetails;
        return value == null ? null : value.open();
    }
}
