package org.lifeos.planning.time;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

/** The current instant; one bean so tests can stand at any moment (QuarkusMock). */
@ApplicationScoped
public class Now {

    public Instant instant() {
        return Instant.now();
    }
}
