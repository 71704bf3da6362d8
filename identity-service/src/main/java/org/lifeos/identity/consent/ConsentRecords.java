package org.lifeos.identity.consent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lifeos.identity.webhook.WebhookEnds;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.ids.Ids;

/**
 * The append-only consent records (V23): written when a person agrees to or withdraws from a
 * version of the terms or the privacy policy, when they grant a partner app scopes on Keycloak's
 * consent screen, and when they revoke that consent (which also ends the webhook subscriptions
 * the app made for them). Each write runs in the caller's transaction
 * (the request's, or the Keycloak event's), whose user row-level security admits.
 */
@ApplicationScoped
public class ConsentRecords {

    public static final String TERMS = "terms";
    public static final String PRIVACY_POLICY = "privacy_policy";
    public static final String PARTNER_APP = "partner_app";
    public static final String GRANTED = "granted";
    public static final String WITHDRAWN = "withdrawn";

    private final ConsentRecordRepository records;
    private final WebhookEnds webhooks;

    public ConsentRecords(ConsentRecordRepository records, WebhookEnds webhooks) {
        this.records = records;
        this.webhooks = webhooks;
    }

    /** @param source {@code api} (through a LifeOS app) or {@code keycloak} (its consent screen or account console) */
    @Transactional(Transactional.TxType.REQUIRED)
    public ConsentRecordView record(UUID user, String kind, String subject, String decision, List<String> scopes,
                                    String source, String clientAddress, Instant at) {
        ConsentRecord record = new ConsentRecord(Ids.next(), user, kind, subject, decision,
                scopes.stream().sorted().distinct().toList(), source, clientAddress, at == null ? Instant.now() : at);
        records.persist(record);
        records.flush();
        if (PARTNER_APP.equals(kind) && WITHDRAWN.equals(decision)) {
            // What the app subscribed under that consent ends with it (WebhookEnds).
            webhooks.consentWithdrawn(subject);
        }
        return ConsentRecordView.of(record);
    }

    @Transactional
    public List<ConsentRecordView> page(UUID user, Keyset keyset) {
        return records.page(user, keyset.uuidOr(0, new UUID(0, 0)), keyset.fetch()).stream()
                .map(ConsentRecordView::of).toList();
    }
}
