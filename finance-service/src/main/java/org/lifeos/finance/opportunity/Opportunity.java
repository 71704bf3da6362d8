package org.lifeos.finance.opportunity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An upsell opportunity with a client (seed 001): dismissed, or converted into a project of the client. */
@Entity
@Table(name = "opportunities")
public class Opportunity {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "client_id")
    public UUID clientId;

    public String title;

    public String description;

    public String currency;

    public BigDecimal value;

    @Column(name = "is_ai_generated")
    public boolean aiGenerated;

    @Column(name = "is_dismissed")
    public boolean dismissed;

    @Column(name = "is_converted")
    public boolean converted;

    @Column(name = "project_id")
    public UUID projectId;

    @Column(name = "converted_at")
    public Instant convertedAt;

    @Version
    public long version;

    @Column(name = "created_by", updatable = false)
    public UUID createdBy;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
