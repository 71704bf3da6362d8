package org.lifeos.identity.webhook;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A subscription: the URL to POST to, the event types, and the scopes the subscription holds (those a
 * partner app may be given); each event type needs its domain's read scope among them. The circle
 * is the request's ({@code X-Circle-Id}, default the personal one).
 */
public class WebhookForm {

    @NotBlank
    @Size(max = 2000)
    public String url;

    @NotEmpty
    @Size(max = 20)
    public Set<@NotNull String> eventTypes;

    @NotEmpty
    @Size(max = 10)
    public Set<@NotNull String> scopes;
}
