package org.lifeos.finance.opportunity;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lifeos.finance.money.Money;
import org.lifeos.finance.project.ProjectDtos.ProjectView;

public final class OpportunityDtos {

    private OpportunityDtos() {
    }

    public static class OpportunityForm {
        @NotNull
        public UUID clientId;

        @NotBlank
        @Size(max = 255)
        public String title;

        @Size(max = 10_000)
        public String description;

        @Schema(description = "ISO 4217 of the value; the client's currency when absent", example = "GBP")
        public String currency;

        @Schema(description = "Decimal string: what the opportunity is worth", example = "2500.00")
        public String value;

        @Schema(description = "Suggested by an assistant rather than typed in")
        public boolean aiGenerated;

        @Schema(description = "Set to put the opportunity aside (a converted one cannot be)")
        public boolean dismissed;

        static OpportunityForm of(Opportunity o) {
            OpportunityForm form = new OpportunityForm();
            form.clientId = o.clientId;
            form.title = o.title;
            form.description = o.description;
            form.currency = o.currency;
            form.value = o.value == null ? null : Money.format(o.value, o.currency);
            form.aiGenerated = o.aiGenerated;
            form.dismissed = o.dismissed;
            return form;
        }
    }

    /** What converting names for the project it makes; everything else comes from the opportunity. */
    public static class ConvertForm {
        @Size(max = 255)
        @Schema(description = "The project's name; the opportunity's title when absent")
        public String name;
    }

    public record OpportunityView(UUID id, UUID clientId, String title, String description, String currency,
                                  @Schema(example = "2500.00") String value, boolean aiGenerated, boolean dismissed,
                                  boolean converted,
                                  @Schema(description = "The project it was converted into") UUID projectId,
                                  Instant convertedAt, Instant createdAt, Instant updatedAt, long version) {
        static OpportunityView of(Opportunity o) {
            return new OpportunityView(o.id, o.clientId, o.title, o.description, o.currency,
                    o.value == null ? null : Money.format(o.value, o.currency), o.aiGenerated, o.dismissed,
                    o.converted, o.projectId, o.convertedAt, o.createdAt, o.updatedAt, o.version);
        }
    }

    /** A conversion's result: the opportunity, now converted, and the project it made. */
    public record ConversionView(OpportunityView opportunity, ProjectView project) {
    }
}
