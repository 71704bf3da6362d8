package org.lifeos.health.wearable;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.lifeos.health.PrivateRow;

/** A member's connected device or partner source (seed 003). */
@Entity
@Table(name = "wearable_devices")
public class WearableDevice extends PrivateRow {

    public String name;

    /** watch, ring, band, scale, phone, partner or other. */
    public String kind;

    public String vendor;

    /** The partner app (OAuth client id) that feeds this device; null for the member's own apps. */
    @Column(name = "partner_client_id")
    public String partnerClientId;

    protected WearableDevice() {
    }

    WearableDevice(UUID circle, UUID owner) {
        super(circle, owner);
    }
}
