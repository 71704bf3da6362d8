package org.lifeos.finance.contact;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.lifeos.platform.crypto.DataClass;
import org.lifeos.platform.crypto.Encrypted;
import org.lifeos.platform.crypto.Sealed;

/** A contact of the circle; phone and notes are sealed (personal data). Deleting one only marks it. */
@Entity
@Table(name = "contacts")
public class Contact {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "domain_id")
    public UUID domainId;

    public String name;

    @Convert(converter = ContactType.Converter.class)
    @Column(name = "contact_type")
    public ContactType type;

    @Encrypted(DataClass.PII)
    @Column(name = "phone_encrypted")
    public Sealed phone;

    public String email;

    @Encrypted(DataClass.PII)
    @Column(name = "notes_encrypted")
    public Sealed notes;

    public Integer rating;

    @Column(name = "is_active")
    public boolean active = true;

    @Column(name = "last_interaction")
    public Instant lastInteraction;

    @Column(name = "deleted_at")
    public Instant deletedAt;


    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON)
    public java.util.Map<String, Object> metadata;

    @Version
    public long version;

    @Column(name = "created_by", updatable = false)
    public UUID createdBy;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
