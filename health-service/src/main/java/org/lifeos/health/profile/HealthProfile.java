package org.lifeos.health.profile;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.lifeos.health.PrivateRow;
import org.lifeos.platform.crypto.DataClass;
import org.lifeos.platform.crypto.Encrypted;
import org.lifeos.platform.crypto.Sealed;

/** A member's health profile in a circle (seed 003): allergies and conditions, sealed privately. */
@Entity
@Table(name = "health_profiles")
public class HealthProfile extends PrivateRow {

    @Encrypted(value = DataClass.PHI, privateTo = "ownerId")
    @Column(name = "allergies_encrypted")
    public Sealed allergies;

    @Encrypted(value = DataClass.PHI, privateTo = "ownerId")
    @Column(name = "conditions_encrypted")
    public Sealed conditions;

    protected HealthProfile() {
    }

    HealthProfile(UUID circle, UUID owner) {
        super(circle, owner);
    }
}
