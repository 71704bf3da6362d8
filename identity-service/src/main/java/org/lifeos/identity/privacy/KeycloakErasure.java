package org.lifeos.identity.privacy;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;
import org.lifeos.identity.access.Tenancy;
import org.lifeos.identity.client.KeycloakAdmin;
import org.lifeos.identity.partner.PartnerApp;
import org.lifeos.identity.partner.PartnerAppRepository;

/**
 * The Keycloak step of an account deletion: the user's partner apps (their confidential clients,
 * and with them every token issued to them) and then the Keycloak account itself, which ends all
 * its sessions. Tried right after the deletion commits, and again every
 * {@code lifeos.privacy.keycloak-retry} until it succeeds, so Keycloak being down delays the step
 * and never drops it. The retry leaves a step alone while its first attempt may still be running
 * ({@code lifeos.privacy.keycloak-first-attempt-grace}, unless that attempt already failed): two
 * deletions of one Keycloak user at once can fail one of them, and the user would be told
 * "pending" for a step being done. Every call is idempotent (a client or user already gone counts
 * as done), so two replicas retrying the same step do no harm.
 */
@ApplicationScoped
public class KeycloakErasure {

    private static final Logger LOG = Logger.getLogger(KeycloakErasure.class);
    private static final int BATCH = 20;

    private final KeycloakAdmin keycloak;
    private final PrivacyRequests requests;
    private final PartnerAppRepository partnerApps;
    private final Tenancy tenancy;
    private final PrivacySettings settings;

    public KeycloakErasure(KeycloakAdmin keycloak, PrivacyRequests requests, PartnerAppRepository partnerApps,
                           Tenancy tenancy, PrivacySettings settings) {
        this.settings = settings;
        this.keycloak = keycloak;
        this.requests = requests;
        this.partnerApps = partnerApps;
        this.tenancy = tenancy;
    }

    /** Runs the step for one request; true when it is done. Never throws: a failure is recorded and retried. */
    public boolean attempt(UUID request, UUID user) {
        try {
            List<String> clients = QuarkusTransaction.requiringNew().call(() -> {
                tenancy.apply(null, user);
                return partnerApps.list("ownerId", user).stream().map(PartnerApp::keycloakId).toList();
            });
            for (String client : clients) {
                keycloak.deleteClient(client);
            }
            boolean existed = keycloak.deleteUser(user);
            QuarkusTransaction.requiringNew().run(() -> {
                tenancy.apply(null, user);
                long removed = partnerApps.delete("ownerId", user);
                requests.markDone(request, PrivacyRequests.KEYCLOAK, null, removed + (existed ? 1 : 0));
            });
            LOG.infof("Privacy request %s: Keycloak account and %d partner client(s) deleted", request, clients.size());
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("Privacy request %s: the Keycloak step failed and will be retried: %s", request, e.toString());
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    tenancy.apply(null, user);
                    requests.markFailed(request, PrivacyRequests.KEYCLOAK, e.getMessage() == null
                            ? e.getClass().getSimpleName() : e.getMessage());
                });
            } catch (RuntimeException unrecorded) {
                LOG.warnf("Privacy request %s: could not record the failure: %s", request, unrecorded.toString());
            }
            return false;
        }
    }

    /** Retries every request still waiting on Keycloak. */
    @Scheduled(identity = "privacy-keycloak-retry", every = "{lifeos.privacy.keycloak-retry}", delayed = "{lifeos.privacy.keycloak-retry}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retry() {
        List<PrivacyRequests.Waiting> waiting = QuarkusTransaction.requiringNew()
                .call(() -> requests.waitingForKeycloak(BATCH, settings.keycloakFirstAttemptGrace()));
        for (PrivacyRequests.Waiting request : waiting) {
            attempt(request.requestId(), request.userId());
        }
    }
}
