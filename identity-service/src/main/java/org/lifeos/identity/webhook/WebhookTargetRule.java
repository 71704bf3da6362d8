package org.lifeos.identity.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.lifeos.platform.net.OutboundTargets;

/**
 * identity-service's one SSRF guard for webhook targets: subscribing ({@link WebhookService}) and
 * each delivery ({@link WebhookSender}, the DNS-rebinding re-check) use this one instance.
 * Private targets only with {@code lifeos.webhooks.allow-private-targets=true} (dev, tests).
 */
@ApplicationScoped
public class WebhookTargetRule {

    @Produces
    @Singleton
    OutboundTargets webhookTargets(WebhookSettings settings) {
        return new OutboundTargets(settings.allowPrivateTargets());
    }
}
