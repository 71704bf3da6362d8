package org.lifeos.platform.crypto;

import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;

/**
 * A stored ciphertext did not open: its data key is gone (the circle or member was erased, the key
 * version retired) or it is not the ciphertext of this place (moved to another row or circle, or
 * altered). The value is never returned; the caller gets a 500 problem that names no data, and the
 * log names the place (never a value).
 */
public class UnreadableValueException extends ProblemException {

    private final transient Place place;
    private final String reason;

    UnreadableValueException(Place place, String reason) {
        super(ProblemType.INTERNAL, "A stored value could not be decrypted, so it is not shown; "
                + "the incident has been logged");
        this.place = place;
        this.reason = reason;
    }

    /** Why, for the log: names the place and the key version, never a value. */
    public String reason() {
        return place + ": " + reason;
    }

    public Place place() {
        return place;
    }
}
