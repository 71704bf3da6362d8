package org.lifeos.identity.circle;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of creating a circle and of renaming one. */
public record CircleForm(@NotBlank @Size(max = 100) String name) {
}
