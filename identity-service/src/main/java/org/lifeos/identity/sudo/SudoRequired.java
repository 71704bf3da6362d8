package org.lifeos.identity.sudo;

/** The action needs a recent authentication (sudo mode); answered 401 with an RFC 9470 challenge. */
public class SudoRequired extends RuntimeException {

    public SudoRequired(String message) {
        super(message);
    }
}
