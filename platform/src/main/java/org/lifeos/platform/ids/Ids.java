package org.lifeos.platform.ids;

import java.util.UUID;

import com.github.f4b6a3.uuid.UuidCreator;

/** Identifiers: time-ordered UUIDv7, so primary keys index well and sort by creation. */
public final class Ids {

    private Ids() {
    }

    public static UUID next() {
        return UuidCreator.getTimeOrderedEpoch();
    }
}
