package org.lifeos.identity.user;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A LifeOS user: the application's side of a Keycloak account (id = the token subject). Rows are
 * created by {@link UserProvisioning} only, never through this entity; the profile (display
 * name, avatar, time zone, preferences) changes through {@link #updateProfile}.
 */
@Entity
@Table(name = "users")
public class User {

    @Id
    private UUID id;
    private String email;
    private String username;
    @Column(name = "display_name")
    private String displayName;
    @Column(name = "avatar_url")
    private String avatarUrl;
    private String timezone;
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> preferences;
    @Column(name = "personal_circle_id")
    private UUID personalCircleId;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    /** Changes with every profile update: the weak ETag of GET/PATCH /api/v1/me. */
    @Version
    private long version;

    protected User() {
    }

    public UUID id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String avatarUrl() {
        return avatarUrl;
    }

    public String timezone() {
        return timezone;
    }

    public Map<String, Object> preferences() {
        return preferences;
    }

    public UUID personalCircleId() {
        return personalCircleId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }

    void updateProfile(String displayName, String avatarUrl, String timezone, Map<String, Object> preferences) {
        this.displayName = displayName;
        this.avatarUrl = avatarUrl;
        this.timezone = timezone;
        this.preferences = preferences;
        this.updatedAt = Instant.now();
    }
}
