package org.lifeos.identity.webhook;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** Row-level security limits every query to the transaction's circle; the API names the owner too. */
@ApplicationScoped
public class WebhookSubscriptionRepository implements PanacheRepositoryBase<WebhookSubscription, UUID> {

    /** The owner's subscriptions after {@code after}; only those {@code client} made unless it is null. */
    public List<WebhookSubscription> page(UUID owner, String client, UUID after, int count) {
        return client == null
                ? find("ownerId = ?1 and id > ?2", Sort.by("id"), owner, after).page(0, count).list()
                : find("ownerId = ?1 and clientId = ?2 and id > ?3", Sort.by("id"), owner, client, after)
                        .page(0, count).list();
    }

    /** One of the owner's subscriptions; only one {@code client} made unless it is null. */
    public Optional<WebhookSubscription> owned(UUID owner, String client, UUID id) {
        return find("ownerId = ?1 and id = ?2", owner, id).firstResultOptional()
                .filter(s -> client == null || client.equals(s.clientId()));
    }

    /** Subscriptions the owner has in the circle, whoever made them. */
    public long countOwned(UUID owner) {
        return count("ownerId", owner);
    }

    /** The circle's active subscriptions (the transaction's circle). */
    public List<WebhookSubscription> active() {
        return list("status", "active");
    }
}
