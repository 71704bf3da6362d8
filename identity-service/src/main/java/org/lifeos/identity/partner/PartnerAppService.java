package org.lifeos.identity.partner;

import static org.lifeos.identity.IdentityResources.READ;
import static org.lifeos.identity.IdentityResources.WEBHOOKS;
import static org.lifeos.identity.IdentityResources.WRITE;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lifeos.identity.audit.AuditService;
import org.lifeos.identity.client.KeycloakAdmin;
import org.lifeos.identity.sudo.SudoMode;
import org.lifeos.identity.webhook.WebhookEnds;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.Problem;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.ids.Ids;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * Partner apps: registering one (sudo mode) creates a confidential Keycloak client with only the
 * chosen domain scopes; rotating its secret (sudo mode) and deleting it act on that client. Each
 * is recorded in the owner's personal circle's audit log. Keycloak is changed inside the database
 * transaction, last but before commit, so a Keycloak failure leaves the database as it was; a
 * client made for a registration that then fails is removed again.
 */
@ApplicationScoped
public class PartnerAppService {

    /** The realm's domain scopes and {@code webhooks:manage}, the only ones a partner app may ask for. */
    public static final Set<String> DOMAIN_SCOPES = Set.of(
            "planning:read", "planning:write", "finance:read", "finance:write", "health:read", "health:write",
            "content:read", "content:write", "content:manage", "content:revenue", READ, WRITE, WEBHOOKS);
    /** Each app is a Keycloak client; a person has no use for more. */
    static final int MAX_APPS_PER_USER = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PartnerAppRepository apps;
    private final KeycloakAdmin keycloak;
    private final SudoMode sudo;
    private final AuditService audit;
    private final TenantContext context;
    private final WebhookEnds webhookEnds;

    public PartnerAppService(PartnerAppRepository apps, KeycloakAdmin keycloak, SudoMode sudo, AuditService audit,
                             TenantContext context, WebhookEnds webhookEnds) {
        this.webhookEnds = webhookEnds;
        this.apps = apps;
        this.keycloak = keycloak;
        this.sudo = sudo;
        this.audit = audit;
        this.context = context;
    }

    /**
     * What is wrong with {@code scopes} as the scopes of a partner app or a personal access token
     * (field {@code scopes}): each must be one of {@link #DOMAIN_SCOPES}.
     */
    public static List<Problem.FieldError> scopeProblems(Set<String> scopes) {
        List<Problem.FieldError> errors = new java.util.ArrayList<>();
        for (String scope : new TreeSet<>(scopes)) {
            if (!DOMAIN_SCOPES.contains(scope)) {
                errors.add(new Problem.FieldError("scopes", scope + " is not one of " + new TreeSet<>(DOMAIN_SCOPES)));
            }
        }
        return errors;
    }

    @Transactional
    public PartnerAppView register(UUID owner, PartnerAppForm form) {
        List<Problem.FieldError> errors = new java.util.ArrayList<>(RedirectUris.problems(form.redirectUris));
        errors.addAll(scopeProblems(form.scopes));
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, errors.get(0).field() + ": " + errors.get(0).message(),
                    errors);
        }
        sudo.require("partner_app.register");
        if (apps.countOwned(owner) >= MAX_APPS_PER_USER) {
            throw new ProblemException(ProblemType.CONFLICT, "You have " + MAX_APPS_PER_USER
                    + " partner apps already; delete one first");
        }
        UUID id = Ids.next();
        String clientId = "partner-" + HexFormat.of().formatHex(randomBytes());
        List<String> scopes = List.copyOf(new TreeSet<>(form.scopes));
        List<String> redirects = form.redirectUris.stream().distinct().toList();
        KeycloakAdmin.CreatedClient created = keycloak.createPartnerClient(new KeycloakAdmin.NewClient(clientId,
                form.name.strip(), "LifeOS partner app " + id + " of user " + owner, redirects, Set.copyOf(scopes),
                Map.of("lifeos.partner-app", id.toString(), "lifeos.owner", owner.toString())));
        try {
            PartnerApp app = new PartnerApp(id, owner, form.name.strip(), clientId, created.internalId(), redirects, scopes);
            apps.persist(app);
            apps.flush();
            audit.record(context.circleId(), owner, "partner_app.registered", "partner_app", id.toString(),
                    Map.of("clientId", clientId, "name", app.name(), "scopes", scopes, "redirectUris", redirects));
            return PartnerAppView.withSecret(app, created.secret());
        } catch (RuntimeException e) {
            keycloak.deleteClient(created.internalId());
            throw e;
        }
    }

    @Transactional
    public List<PartnerAppView> page(UUID owner, Keyset keyset) {
        return apps.page(owner, keyset.uuidOr(0, new UUID(0, 0)), keyset.fetch()).stream().map(PartnerAppView::of).toList();
    }

    @Transactional
    public PartnerAppView get(UUID owner, UUID id) {
        return PartnerAppView.of(owned(owner, id));
    }

    /** A new client secret, shown once; the old one stops working at once. */
    @Transactional
    public PartnerAppView rotateSecret(UUID owner, UUID id) {
        PartnerApp app = owned(owner, id);
        sudo.require("partner_app.rotate_secret");
        app.secretRotated();
        apps.flush();
        audit.record(context.circleId(), owner, "partner_app.secret_rotated", "partner_app", id.toString(),
                Map.of("clientId", app.clientId()));
        return PartnerAppView.withSecret(app, keycloak.rotateSecret(app.keycloakId()));
    }

    /** Removes the Keycloak client (its tokens and sessions go with it) and the app. */
    @Transactional
    public void delete(UUID owner, UUID id) {
        PartnerApp app = owned(owner, id);
        long ended = webhookEnds.partnerAppDeleted(app.id());
        apps.delete(app);
        apps.flush();
        audit.record(context.circleId(), owner, "partner_app.deleted", "partner_app", id.toString(),
                Map.of("clientId", app.clientId(), "webhooksEnded", ended));
        keycloak.deleteClient(app.keycloakId());
    }

    private PartnerApp owned(UUID owner, UUID id) {
        return apps.owned(owner, id).orElseThrow(() -> ProblemException.notFound("Partner app " + id));
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
