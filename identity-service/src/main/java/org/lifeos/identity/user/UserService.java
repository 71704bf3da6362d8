package org.lifeos.identity.user;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lifeos.platform.error.ProblemException;

@ApplicationScoped
public class UserService {

    private final UserRepository users;

    public UserService(UserRepository users) {
        this.users = users;
    }

    @Transactional
    public ProfileDto profile(UUID user) {
        return users.findByIdOptional(user).map(ProfileDto::of).orElseThrow(() -> ProblemException.notFound("User"));
    }
}
