package org.lifeos.identity.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lifeos.identity.audit.AuditService;
import org.lifeos.identity.IdentityResources;
import org.lifeos.identity.partner.PartnerAppService;
import org.lifeos.identity.sudo.SudoMode;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.apikey.ApiKeyTokens;
import org.lifeos.platform.error.Problem;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.ids.Ids;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * Personal access tokens: made in sudo mode with the domain scopes a partner app may be given
 * ({@link PartnerAppService#DOMAIN_SCOPES}) and an optional expiry, shown once, kept as SHA-256,
 * listed without the token, revoked for good. Each is recorded in the owner's personal circle's
 * audit log. Resolving a token per request is {@link ApiKeyResolution}'s.
 */
@ApplicationScoped
public class ApiKeyService {

    /** A person has no use for more live tokens than this. */
    static final int MAX_ACTIVE_PER_USER = 50;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiKeyRepository keys;
    private final SudoMode sudo;
    private final AuditService audit;
    private final TenantContext context;

    public ApiKeyService(ApiKeyRepository keys, SudoMode sudo, AuditService audit, TenantContext context) {
        this.keys = keys;
        this.sudo = sudo;
        this.audit = audit;
        this.context = context;
    }

    @Transactional
    public ApiKeyView create(UUID owner, ApiKeyForm form) {
        List<Problem.FieldError> errors = new ArrayList<>(PartnerAppService.scopeProblems(form.scopes));
        if (form.scopes.contains(IdentityResources.WEBHOOKS)) {
            errors.add(new Problem.FieldError("scopes", IdentityResources.WEBHOOKS
                    + " is for partner apps: make webhooks in LifeOS, or register an app"));
        }
        Instant expiresAt = form.expiresAt == null ? null : form.expiresAt.toInstant();
        if (expiresAt != null && !expiresAt.isAfter(Instant.now())) {
            errors.add(new Problem.FieldError("expiresAt", "must be in the future"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, errors.get(0).field() + ": " + errors.get(0).message(),
                    errors);
        }
        sudo.require("api_key.create");
        if (keys.countActive(owner) >= MAX_ACTIVE_PER_USER) {
            throw new ProblemException(ProblemType.CONFLICT, "You have " + MAX_ACTIVE_PER_USER
                    + " personal access tokens already; revoke one first");
        }
        String token = newToken();
        List<String> scopes = List.copyOf(new TreeSet<>(form.scopes));
        ApiKey key = new ApiKey(Ids.next(), owner, form.name.strip(),
                token.substring(0, ApiKeyTokens.PREFIX.length() + 6), sha256(token), scopes, expiresAt);
        keys.persist(key);
        keys.flush();
        audit.record(context.circleId(), owner, "api_key.created", "api_key", key.id().toString(),
                Map.of("name", key.name(), "scopes", scopes, "expiresAt", String.valueOf(expiresAt)));
        return ApiKeyView.withToken(key, token);
    }

    @Transactional
    public List<ApiKeyView> page(UUID owner, Keyset keyset) {
        return keys.page(owner, keyset.uuidOr(0, new UUID(0, 0)), keyset.fetch()).stream().map(ApiKeyView::of).toList();
    }

    @Transactional
    public ApiKeyView get(UUID owner, UUID id) {
        return ApiKeyView.of(owned(owner, id));
    }

    /** Revokes the key (again: nothing changes); the caller then evicts it from {@link ApiKeyResolution}'s cache. */
    @Transactional
    public ApiKeyView revoke(UUID owner, UUID id) {
        ApiKey key = owned(owner, id);
        if (key.revokedAt() == null) {
            key.revoke();
            keys.flush();
            audit.record(context.circleId(), owner, "api_key.revoked", "api_key", id.toString(),
                    Map.of("name", key.name()));
        }
        return ApiKeyView.of(key);
    }

    private ApiKey owned(UUID owner, UUID id) {
        return keys.owned(owner, id).orElseThrow(() -> ProblemException.notFound("Personal access token " + id));
    }

    /** {@code lopat_} and 256 random bits, base64url. */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return ApiKeyTokens.PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The stored form of a token. SHA-256, not bcrypt or argon2: those slow down guessing a
     * low-entropy password; a token of 256 random bits cannot be guessed either way, and each
     * request must be resolved by one indexed lookup of the hash (a salted slow hash can neither be
     * looked up nor afforded per request).
     */
    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
