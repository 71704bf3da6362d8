package org.lifeos.identity.client;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;
import org.jboss.resteasy.client.jaxrs.internal.ResteasyClientBuilderImpl;
import org.jboss.resteasy.client.exception.WebApplicationExceptionWrapper;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.idm.UserSessionRepresentation;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;

/**
 * identity-service's one way into Keycloak's admin API (keycloak-admin-client), as its own
 * confidential client: sessions, passwords, partner clients and consents, and for the security
 * ledger brute-force status and unlock, user records and the stored events. Connect and read
 * timeouts bound every call; Keycloak down, slow, failing or refusing our credentials is a 503
 * problem ({@link KeycloakUnavailable}), while its 4xx about the request (an unknown or malformed
 * id) are the caller's 404 or 400; answers are mapped to local records here, so no Keycloak
 * representation leaves this class.
 */
@ApplicationScoped
public class KeycloakAdmin {

    private static final Logger LOG = Logger.getLogger(KeycloakAdmin.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A partner client's default scopes: subject and auth_time, acr, and the API audience. */
    private static final Set<String> PARTNER_DEFAULT_SCOPES = Set.of("basic", "acr", "lifeos-api");

    private final KeycloakSettings settings;
    private final Keycloak keycloak;

    public KeycloakAdmin(KeycloakSettings settings) {
        this.settings = settings;
        this.keycloak = KeycloakBuilder.builder()
                .serverUrl(settings.url())
                .realm(settings.realm())
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret())
                .resteasyClient(new ResteasyClientBuilderImpl()
                        .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .connectionPoolSize(16)
                        .register(JacksonProvider.class, 100)
                        .build())
                .build();
    }

    @PreDestroy
    void close() {
        keycloak.close();
    }

    /** One signed-in session of a user, as Keycloak keeps it. */
    public record Session(String id, UUID userId, String ipAddress, Instant startedAt, Instant lastAccessAt,
                          List<String> clients) {
    }

    /** A user's consent to a client: the scopes granted, when. */
    public record Consent(String clientId, List<String> scopes, Instant grantedAt, Instant updatedAt) {
    }

    /** A confidential client to create for a partner app. */
    public record NewClient(String clientId, String name, String description, List<String> redirectUris,
                            Set<String> scopes, Map<String, String> attributes) {
    }

    /** A created client: Keycloak's internal id and the secret, which is shown once. */
    public record CreatedClient(String internalId, String secret) {
    }

    /** Keycloak's brute-force view of a user. */
    public record BruteForceStatus(boolean disabled, int numFailures, Instant failedLoginNotBefore, Instant lastFailure) {

        /** Locked for good: disabled with no end to wait for (Keycloak's permanent lockout). */
        public boolean permanentlyLocked(Instant now) {
            return disabled && (failedLoginNotBefore == null || !failedLoginNotBefore.isAfter(now));
        }

        /** The end of a temporary lockout, if one is running. */
        public Optional<Instant> cooldownUntil(Instant now) {
            return disabled && failedLoginNotBefore != null && failedLoginNotBefore.isAfter(now)
                    ? Optional.of(failedLoginNotBefore) : Optional.empty();
        }
    }

    /** What provisioning copies from Keycloak's user record. */
    public record KeycloakUser(UUID id, String username, String email, String displayName, String zoneinfo) {
    }

    /** Keycloak's brute-force view of the user (failures, lockout). */
    public BruteForceStatus bruteForce(UUID user) {
        return call(() -> {
            Map<String, Object> status = realm().attackDetection().bruteForceUserStatus(user.toString());
            long notBefore = number(status.get("failedLoginNotBefore"));
            long lastFailure = number(status.get("lastFailure"));
            return new BruteForceStatus(Boolean.TRUE.equals(status.get("disabled")), (int) number(status.get("numFailures")),
                    notBefore > 0 ? Instant.ofEpochSecond(notBefore) : null,
                    lastFailure > 0 ? Instant.ofEpochMilli(lastFailure) : null);
        });
    }

    /** Clears the user's login failures and lockout (Keycloak's "unlock"). */
    public void clearBruteForce(UUID user) {
        call(() -> {
            realm().attackDetection().clearBruteForceForUser(user.toString());
            return null;
        });
    }

    /** The user's record, or empty when Keycloak has no such user. */
    public Optional<KeycloakUser> user(UUID id) {
        return call(() -> {
            UserRepresentation user;
            try {
                user = realm().users().get(id.toString()).toRepresentation();
            } catch (NotFoundException e) {
                return Optional.empty();
            }
            String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                    + (user.getLastName() == null ? "" : user.getLastName())).strip();
            List<String> zone = user.getAttributes() == null ? null : user.getAttributes().get("zoneinfo");
            return Optional.of(new KeycloakUser(id, Objects.toString(user.getUsername(), ""),
                    Objects.toString(user.getEmail(), ""), name, zone == null || zone.isEmpty() ? "" : zone.get(0)));
        });
    }

    /**
     * One page of the user events Keycloak stored (realm eventsEnabled), newest first, from the
     * day {@code from} on (Keycloak filters by day), as Keycloak's JSON.
     */
    public JsonNode storedEvents(LocalDate from, int first, int max) {
        return call(() -> JSON.valueToTree(realm().getEvents(null, null, null, from.toString(), null, null, first, max)));
    }

    /** The user's online sessions; none when Keycloak does not know the user. */
    public List<Session> sessions(UUID user) {
        return call(() -> {
            try {
                return realm().users().get(user.toString()).getUserSessions().stream()
                        .map(KeycloakAdmin::session).toList();
            } catch (NotFoundException e) {
                return List.of();
            }
        });
    }

    /** Ends one session (every client's tokens of it); false when Keycloak has no such session. */
    public boolean endSession(String sessionId) {
        requestedId(sessionId, "id");
        return call(() -> {
            try {
                realm().deleteSession(sessionId, false);
                return true;
            } catch (NotFoundException e) {
                return false;
            }
        });
    }

    /**
     * Deletes the user's account: Keycloak ends every session with it, so no refresh token of the
     * user works afterwards. False when Keycloak had no such user (already deleted).
     */
    public boolean deleteUser(UUID user) {
        return call(() -> {
            try (Response answer = realm().users().delete(user.toString())) {
                int status = answer.getStatus();
                if (status == 404) {
                    return false;
                }
                if (status >= 300) {
                    throw new WebApplicationException(answer);
                }
                return true;
            }
        });
    }

    /** Ends every session of the user. */
    public void endAllSessions(UUID user) {
        call(() -> {
            realm().users().get(user.toString()).logout();
            return null;
        });
    }

    /**
     * Sets a new (not temporary) password. The realm's password policy decides: a password it
     * refuses is a 400 naming {@code field}, with Keycloak's reason.
     */
    public void setPassword(UUID user, String password, String field) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        call(() -> {
            try {
                realm().users().get(user.toString()).resetPassword(credential);
                return null;
            } catch (BadRequestException e) {
                throw ProblemException.badField(field, reason(e));
            }
        });
    }

    /**
     * A confidential client for a partner: authorization code (with consent) and client
     * credentials; its only client scopes are {@code basic} and {@code acr} (subject, auth_time,
     * acr), {@code lifeos-api} (the audience every service requires) as defaults, and the chosen
     * domain scopes as optional scopes, which a token carries only when requested and, for a
     * user, consented to.
     */
    public CreatedClient createPartnerClient(NewClient spec) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(spec.clientId());
        client.setName(spec.name());
        client.setDescription(spec.description());
        client.setProtocol("openid-connect");
        client.setEnabled(true);
        client.setPublicClient(false);
        client.setClientAuthenticatorType("client-secret");
        client.setConsentRequired(true);
        client.setStandardFlowEnabled(true);
        client.setServiceAccountsEnabled(true);
        client.setDirectAccessGrantsEnabled(false);
        client.setImplicitFlowEnabled(false);
        client.setFullScopeAllowed(false);
        client.setFrontchannelLogout(false);
        client.setRedirectUris(spec.redirectUris());
        client.setAttributes(new java.util.HashMap<>(spec.attributes()));
        client.getAttributes().put("pkce.code.challenge.method", "S256");
        client.setDefaultClientScopes(List.copyOf(PARTNER_DEFAULT_SCOPES));
        client.setOptionalClientScopes(List.copyOf(spec.scopes()));
        return call(() -> {
            String id;
            try (Response created = realm().clients().create(client)) {
                id = CreatedResponseUtil.getCreatedId(created);
            }
            try {
                ClientResource resource = realm().clients().get(id);
                onlyScopes(resource, PARTNER_DEFAULT_SCOPES, spec.scopes());
                return new CreatedClient(id, resource.getSecret().getValue());
            } catch (RuntimeException e) {
                // Never leave a half-made client behind.
                deleteQuietly(id);
                throw e;
            }
        });
    }

    /** Makes exactly {@code defaults} and {@code optional} the client's scopes, whatever the realm added by itself. */
    private void onlyScopes(ClientResource client, Collection<String> defaults, Collection<String> optional) {
        Map<String, String> ids = new java.util.HashMap<>();
        realm().clientScopes().findAll().forEach(s -> ids.put(s.getName(), s.getId()));
        for (ClientScopeRepresentation scope : client.getDefaultClientScopes()) {
            if (!defaults.contains(scope.getName())) {
                client.removeDefaultClientScope(scope.getId());
            }
        }
        for (ClientScopeRepresentation scope : client.getOptionalClientScopes()) {
            if (!optional.contains(scope.getName())) {
                client.removeOptionalClientScope(scope.getId());
            }
        }
        Set<String> presentDefaults = names(client.getDefaultClientScopes());
        for (String name : defaults) {
            if (!presentDefaults.contains(name)) {
                client.addDefaultClientScope(requireScope(ids, name));
            }
        }
        Set<String> presentOptional = names(client.getOptionalClientScopes());
        for (String name : optional) {
            if (!presentOptional.contains(name)) {
                client.addOptionalClientScope(requireScope(ids, name));
            }
        }
    }

    private static String requireScope(Map<String, String> ids, String name) {
        String id = ids.get(name);
        if (id == null) {
            throw new IllegalStateException("the realm has no client scope " + name);
        }
        return id;
    }

    private static Set<String> names(List<ClientScopeRepresentation> scopes) {
        return scopes.stream().map(ClientScopeRepresentation::getName).collect(java.util.stream.Collectors.toSet());
    }

    /** A new secret for the client; the old one stops working at once. */
    public String rotateSecret(String internalId) {
        return call(() -> realm().clients().get(internalId).generateNewSecret().getValue());
    }

    /** Removes the client, and with it every session and token issued to it; false when already gone. */
    public boolean deleteClient(String internalId) {
        return call(() -> {
            try {
                realm().clients().get(internalId).remove();
                return true;
            } catch (NotFoundException e) {
                return false;
            }
        });
    }

    private void deleteQuietly(String internalId) {
        try {
            realm().clients().get(internalId).remove();
        } catch (RuntimeException e) {
            LOG.warnf("Could not remove the half-made client %s: %s", internalId, e.toString());
        }
    }

    /** The user's consents to clients that ask for it (partner apps). */
    public List<Consent> consents(UUID user) {
        return call(() -> {
            try {
                List<Consent> consents = new ArrayList<>();
                for (Map<String, Object> consent : realm().users().get(user.toString()).getConsents()) {
                    consents.add(consent(consent));
                }
                return consents;
            } catch (NotFoundException e) {
                return List.of();
            }
        });
    }

    /**
     * Revokes the user's consent to the client; Keycloak also revokes the client's offline tokens
     * and logs the user out of that client, so its refresh tokens fail. False when there was none.
     */
    public boolean revokeConsent(UUID user, String clientId) {
        requestedId(clientId, "clientId");
        return call(() -> {
            try {
                realm().users().get(user.toString()).revokeConsent(clientId);
                return true;
            } catch (NotFoundException e) {
                return false;
            }
        });
    }

    private RealmResource realm() {
        return keycloak.realm(settings.realm());
    }

    /**
     * Runs one admin call. Keycloak unreachable, timed out, failing (5xx), overloaded (408, 429)
     * or refusing identity-service's own credentials (401, 403) is a 503 problem; any other 4xx is
     * about what the caller asked for (an id Keycloak does not know, or cannot even parse): 404 or
     * 400, never reported as an outage.
     */
    private static <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (ProblemException e) {
            throw e;
        } catch (ProcessingException e) {
            LOG.warnf("Keycloak admin API unreachable: %s", e.toString());
            throw KeycloakUnavailable.problem();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (callersError(status)) {
                LOG.debugf("Keycloak admin API refused the request with %d: %s", status, e.toString());
                throw switch (status) {
                    case 404 -> new ProblemException(ProblemType.NOT_FOUND, "The identity provider knows nothing by that id");
                    case 409 -> new ProblemException(ProblemType.CONFLICT, "The identity provider refused the change");
                    default -> new ProblemException(ProblemType.VALIDATION, "The identity provider refused the request");
                };
            }
            LOG.warnf("Keycloak admin API answered %d: %s", status, e.toString());
            throw KeycloakUnavailable.problem();
        }
    }

    /**
     * An id the caller chose, before it goes into an admin API path. Keycloak's database cannot
     * hold a NUL (Keycloak answers 500 for one, an error of ours in its eyes, though the request is
     * at fault), so an id with control characters, blank, or longer than Keycloak's columns
     * (255) names nothing Keycloak could know: 400 naming {@code field}, without asking.
     */
    private static void requestedId(String id, String field) {
        if (id == null || id.isBlank() || id.length() > 255 || id.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.badField(field, "is not an id the identity provider could know");
        }
    }

    /** A 4xx about the request itself, not about Keycloak's health or identity-service's own access to it. */
    static boolean callersError(int status) {
        return status >= 400 && status < 500 && status != 401 && status != 403 && status != 408 && status != 429;
    }

    /** Keycloak's reason for refusing a request ({@code error_description}), e.g. a password policy's. */
    private static String reason(BadRequestException e) {
        WebApplicationException original = WebApplicationExceptionWrapper.unwrap(e);
        try {
            String body = original.getResponse().readEntity(String.class);
            JsonNode error = JSON.readTree(body);
            if (error.hasNonNull("error_description")) {
                return error.get("error_description").asText();
            }
            if (error.hasNonNull("errorMessage")) {
                return error.get("errorMessage").asText();
            }
            return "was refused by the identity provider";
        } catch (RuntimeException | java.io.IOException unreadable) {
            LOG.debugf("Keycloak's 400 had no readable reason: %s", unreadable.toString());
            return "was refused by the identity provider";
        }
    }

    private static Session session(UserSessionRepresentation s) {
        return new Session(s.getId(), UUID.fromString(s.getUserId()), s.getIpAddress(),
                Instant.ofEpochMilli(s.getStart()), Instant.ofEpochMilli(s.getLastAccess()),
                s.getClients() == null ? List.of() : List.copyOf(new java.util.TreeSet<>(s.getClients().values())));
    }

    @SuppressWarnings("unchecked")
    private static Consent consent(Map<String, Object> consent) {
        Object scopes = consent.get("grantedClientScopes");
        List<String> granted = scopes instanceof List<?> list
                ? list.stream().map(String::valueOf).sorted().toList() : List.of();
        return new Consent(String.valueOf(consent.get("clientId")), granted,
                instant(consent.get("createdDate")), instant(consent.get("lastUpdatedDate")));
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0L;
    }

    private static Instant instant(Object millis) {
        return millis instanceof Number n ? Instant.ofEpochMilli(n.longValue()) : null;
    }
}
