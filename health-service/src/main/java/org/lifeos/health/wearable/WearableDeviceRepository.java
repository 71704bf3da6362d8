package org.lifeos.health.wearable;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** The caller's devices (row-level security shows no one else's). */
@ApplicationScoped
public class WearableDeviceRepository implements PanacheRepositoryBase<WearableDevice, UUID> {

    /** By id (UUIDv7: creation order), after {@code after}. */
    List<WearableDevice> page(UUID after, int limit) {
        return find("id > ?1 order by id", after).range(0, limit - 1).list();
    }

    Set<UUID> ids() {
        return listAll().stream().map(d -> d.id).collect(Collectors.toSet());
    }

    /** The caller's devices fed by the partner app {@code clientId}. */
    Set<UUID> idsOfPartner(String clientId) {
        return list("partnerClientId", clientId).stream().map(d -> d.id).collect(Collectors.toSet());
    }
}
