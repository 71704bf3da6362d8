package org.lifeos.identity.config;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * A user's configs. They live in the user's personal circle whatever circle a request names, so
 * {@link UserConfigService} makes that circle current first; row-level security then shows the
 * user's own rows only.
 */
@ApplicationScoped
public class UserConfigRepository implements PanacheRepositoryBase<UserConfig, UUID> {

    Optional<UserConfig> byKey(UUID user, String key, boolean lock) {
        var query = find("userId = ?1 and key = ?2", user, key);
        return (lock ? query.withLock(LockModeType.PESSIMISTIC_WRITE) : query).firstResultOptional();
    }

    /** Up to {@code limit} of the user's configs with a key after {@code after}, by key. */
    List<UserConfig> after(UUID user, String after, int limit) {
        return find("userId = ?1 and key > ?2 order by key", user, after).range(0, limit - 1).list();
    }

    long countOf(UUID user) {
        return count("userId", user);
    }
}
