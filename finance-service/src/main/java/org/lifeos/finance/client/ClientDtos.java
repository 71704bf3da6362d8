package org.lifeos.finance.client;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lifeos.finance.client.Client.Health;
import org.lifeos.finance.client.Client.Payment;
import org.lifeos.finance.client.Client.Status;
import org.lifeos.finance.money.Money;

public final class ClientDtos {

    private ClientDtos() {
    }

    public static class ClientForm {
        @NotBlank
        @Size(max = 255)
        public String name;

        @Email
        @Size(max = 255)
        public String email;

        @Size(max = 255)
        public String company;

        public UUID contactId;

        @NotNull
        public Status status = Status.ACTIVE;

        @NotNull
        public Health healthScore = Health.GREEN;

        @NotNull
        public Payment paymentStatus = Payment.CURRENT;

        @Schema(description = "ISO 4217: the currency of the contract value and the retainer", example = "GBP")
        public String currency;

        @Schema(description = "Decimal string", example = "12000.00")
        public String contractValue;

        @Schema(description = "Decimal string; an active client's counts in MRR", example = "1500.00")
        public String monthlyRetainer;

        public Instant lastContacted;

        public LocalDate nextFollowup;

        @Schema(description = "Free-form JSON object (at most 50 keys)")
        @Size(max = 50)
        public Map<String, Object> metadata = new HashMap<>();

        static ClientForm of(Client c) {
            ClientForm form = new ClientForm();
            form.name = c.name;
            form.email = c.email;
            form.company = c.company;
            form.contactId = c.contactId;
            form.status = c.status;
            form.healthScore = c.healthScore;
            form.paymentStatus = c.paymentStatus;
            form.currency = c.currency;
            form.contractValue = c.contractValue == null ? null : Money.format(c.contractValue, c.currency);
            form.monthlyRetainer = c.monthlyRetainer == null ? null : Money.format(c.monthlyRetainer, c.currency);
            form.lastContacted = c.lastContacted;
            form.nextFollowup = c.nextFollowup;
            form.metadata = c.metadata == null ? new HashMap<>() : new HashMap<>(c.metadata);
            return form;
        }
    }

    public record ClientView(UUID id, String name, String email, String company, UUID contactId, Status status,
                             Health healthScore, Payment paymentStatus, String currency,
                             @Schema(example = "12000.00") String contractValue,
                             @Schema(example = "1500.00") String monthlyRetainer, Instant lastContacted,
                             LocalDate nextFollowup, Map<String, Object> metadata, Instant createdAt,
                             Instant updatedAt, long version) {
        static ClientView of(Client c) {
            return new ClientView(c.id, c.name, c.email, c.company, c.contactId, c.status, c.healthScore,
                    c.paymentStatus, c.currency,
                    c.contractValue == null ? null : Money.format(c.contractValue, c.currency),
                    c.monthlyRetainer == null ? null : Money.format(c.monthlyRetainer, c.currency),
                    c.lastContacted, c.nextFollowup, c.metadata, c.createdAt, c.updatedAt, c.version);
        }
    }
}
