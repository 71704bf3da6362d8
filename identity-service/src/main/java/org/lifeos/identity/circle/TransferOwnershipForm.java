package org.lifeos.identity.circle;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** Hands the circle to another member, who becomes owner; the previous owner stays as admin. */
public record TransferOwnershipForm(@NotNull UUID userId) {
}
