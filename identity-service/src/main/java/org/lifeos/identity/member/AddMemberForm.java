package org.lifeos.identity.member;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.lifeos.platform.error.Problem;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;

/**
 * Adds a member (one of the two): {@code userId}, a LifeOS user, joins at once; {@code email} is
 * invited and joins on accepting.
 */
public record AddMemberForm(UUID userId, @Email @Size(max = 320) String email, @NotNull Role role) {

    /** True for an invitation by e-mail, false for an addition by id; 400 unless exactly one is given. */
    public boolean byEmail() {
        boolean hasEmail = email != null && !email.isBlank();
        if ((userId == null) == !hasEmail) {
            String message = "give either userId or email";
            throw new ProblemException(ProblemType.VALIDATION, "userId, email: " + message,
                    List.of(new Problem.FieldError("userId", message), new Problem.FieldError("email", message)));
        }
        return hasEmail;
    }
}
