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

    public List<WebhookSubscription> page(UUID owner, UUID after, int count) {
        return find("ownerId = ?1 and id > ?2", Sort.by("id"), owner, after).page(0, count).list();
    }

    public Optional<WebhookSubscription> owned(UUID owner, UUID id) {
        return find("ownerId = ?1 and id = ?2", owner, id).firstResultOptional();
    }

    /** The circle's active subscriptions (the transaction's circle). */
    public List<WebhookSubscription> active() {
        return list("status", "active");
    }
}
