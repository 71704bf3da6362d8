package org.lifeos.devstack;

/** A component could not start; the message says which one and why, in words a person can act on. */
public final class StartupException extends RuntimeException {

    private final String component;

    public StartupException(String component, String message) {
        super(component + ": " + message);
        this.component = component;
    }

    public StartupException(String component, String message, Throwable cause) {
        super(component + ": " + message, cause);
        this.component = component;
    }

    public String component() {
        return component;
    }
}
