package org.lifeos.identity.sudo;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.lifeos.identity.user.FirstParty;
import org.lifeos.platform.ids.Ids;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * Sudo mode for dangerous actions (remove a member, dissolve a circle, hand it over, change
 * policies, ...): only for LifeOS's own apps, and the request's token must say the user authenticated ({@code auth_time}) less than five minutes ago;
 * otherwise {@link SudoRequired} (401 with {@code WWW-Authenticate: Bearer
 * error="insufficient_user_authentication", max_age=300}). Each window is recorded once in
 * sudo_sessions, with a {@code SUDO_MODE_ENABLED} security event, in the transaction of the
 * action it allowed.
 *
 * <p>Lives in identity-service: every dangerous action of the issue (members, circles, policies,
 * recovery keys, account deletion, partner apps) is identity-service's. The platform already puts
 * {@code auth_time} into {@link TenantContext}; if another service ever needs sudo, this check
 * (without the recording) moves to the platform.
 *
 * <p>Keycloak puts {@code auth_time} into tokens of browser (authorization code) logins, not into
 * password-grant tokens: such tokens can never enter sudo mode.
 */
@ApplicationScoped
public class SudoMode {

    public static final Duration MAX_AGE = Duration.ofMinutes(5);
    /** Tolerated clock difference between Keycloak and this service. */
    private static final Duration SKEW = Duration.ofSeconds(30);

    private final TenantContext context;
    private final EntityManager entityManager;

    public SudoMode(TenantContext context, EntityManager entityManager) {
        this.context = context;
        this.entityManager = entityManager;
    }

    /**
     * Passes when a first-party app's token says the caller authenticated under five minutes ago;
     * records the window. A partner app's token never enters sudo mode, however fresh its
     * {@code auth_time}: 403 (see {@link FirstParty}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void require(String action) {
        FirstParty.require(context);
        Instant authTime = context.authTime().orElse(null);
        Instant now = Instant.now();
        if (authTime == null) {
            throw new SudoRequired("This action needs a recent sign-in, and the token does not say when you signed in");
        }
        if (authTime.isAfter(now.plus(SKEW)) || authTime.plus(MAX_AGE).isBefore(now)) {
            throw new SudoRequired("This action needs a sign-in within the last " + MAX_AGE.toMinutes()
                    + " minutes; sign in again");
        }
        UUID user = context.userId();
        Instant expires = authTime.plus(MAX_AGE);
        int opened = entityManager.createNativeQuery("""
                        INSERT INTO sudo_sessions (id, user_id, auth_time, expires_at, client_id, action)
                        VALUES (?1, ?2, ?3, ?4, NULLIF(?5, ''), ?6) ON CONFLICT (user_id, auth_time) DO NOTHING""")
                .setParameter(1, Ids.next())
                .setParameter(2, user)
                .setParameter(3, authTime)
                .setParameter(4, expires)
                .setParameter(5, context.clientId().orElse(""))
                .setParameter(6, action)
                .executeUpdate();
        if (opened > 0) {
            entityManager.createNativeQuery("""
                            INSERT INTO security_events (id, user_id, type, details)
                            VALUES (?1, ?2, 'SUDO_MODE_ENABLED', jsonb_build_object('action', CAST(?3 AS text),
                                'authTime', CAST(?4 AS text), 'expiresAt', CAST(?5 AS text),
                                'clientId', CAST(?6 AS text)))""")
                    .setParameter(1, Ids.next())
                    .setParameter(2, user)
                    .setParameter(3, action)
                    .setParameter(4, authTime.toString())
                    .setParameter(5, expires.toString())
                    .setParameter(6, context.clientId().orElse(""))
                    .executeUpdate();
        }
    }
}
