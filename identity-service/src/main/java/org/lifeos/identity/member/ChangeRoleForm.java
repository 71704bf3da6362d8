package org.lifeos.identity.member;

import jakarta.validation.constraints.NotNull;

public record ChangeRoleForm(@NotNull Role role) {
}
