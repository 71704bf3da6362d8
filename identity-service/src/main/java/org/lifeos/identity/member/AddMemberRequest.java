package org.lifeos.identity.member;

import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Adds a user who has signed in to LifeOS at least once, named by id or by email (one of the two). */
public record AddMemberRequest(UUID userId, @Email @Size(max = 320) String email, @NotNull Role role) {
}
