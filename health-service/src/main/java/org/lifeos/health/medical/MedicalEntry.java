package org.lifeos.health.medical;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.lifeos.platform.crypto.DataClass;
import org.lifeos.platform.crypto.Encrypted;
import org.lifeos.platform.crypto.Sealed;
import org.lifeos.platform.ids.Ids;

/**
 * One medical entry of one member (seed 000). {@code details} is sealed with the owner's private
 * PHI key; {@code sharedDetails} is the copy a grantee opens (the circle's PHI key), present only
 * while a share covers the entry.
 */
@Entity
@Table(name = "medical_entries")
public class MedicalEntry {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "owner_id", nullable = false, updatable = false)
    public UUID ownerId;

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

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    protected MedicalEntry() {
    }

    MedicalEntry(UUID circle, UUID owner) {
        this.id = Ids.next();
        this.tenantId = circle;
        this.ownerId = owner;
    }

    @PrePersist
    void created() {
        createdAt = Instant.now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void updated() {
        updatedAt = Instant.now();
    }

    /** The details in the clear, for its owner (private key) or a grantee (the shared copy). */
    String detailsFor(UUID reader) {
        Sealed value = reader.equals(ownerId) ? details : sharedDetails;
        return value == null ? null : value.open();
    }
}
