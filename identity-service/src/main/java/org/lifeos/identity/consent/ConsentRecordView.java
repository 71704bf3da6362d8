package org.lifeos.identity.consent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One consent record: {@code kind} terms, privacy_policy or partner_app; {@code subject} the
 * document's version or the partner app's client id; {@code scopes} what a partner app was given.
 */
public record ConsentRecordView(UUID id, String kind, String subject, String decision, List<String> scopes,
                                String source, Instant recordedAt) {

    static ConsentRecordView of(ConsentRecord record) {
        return new ConsentRecordView(record.id(), record.kind(), record.subject(), record.decision(), record.scopes(),
                record.source(), record.recordedAt());
    }
}
