package org.lifeos.platform.privacy;

import org.lifeos.contracts.privacy.ErasureRequested;

/**
 * A service's own part of an account erasure, for what the generic rule of {@link ErasureHandler}
 * (scope {@code circle}: every row of the circle; scope {@code member}: the circle's rows whose
 * {@code user_id} is the user) misses: e.g. clearing the user from shared rows. Implement it as a
 * CDI bean; it runs before the generic erasure, in the same transaction, with the erased circle
 * and user as tenant context, for every request (look at {@link ErasureRequested#scope()}).
 */
public interface ErasureStep {

    /** @return how many rows this step deleted or cleared */
    long erase(ErasureRequested request);
}
