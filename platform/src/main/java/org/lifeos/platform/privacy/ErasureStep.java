package org.lifeos.platform.privacy;

import org.lifeos.contracts.privacy.ErasureRequested;

/**
 * A service's own part of an account erasure, for what the generic rule of {@link ErasureHandler}
 * (scope {@code circle}: every row of the circle; scope {@code member}: the circle's rows whose
 * {@code user_id} is the user) misses: e.g. clearing the user from shared rows. Implement it as a
 * CDI bean; it runs after the generic erasure (which has committed as the eraser role), in the
 * consumer's transaction as the runtime role, with the erased circle and user as tenant context,
 * for every request (look at {@link ErasureRequested#scope()}). It may run again for a redelivered
 * request, so it must be idempotent. What needs more than the runtime role's privileges
 * (minimising append-only records) belongs in the service's {@code erasure_service_rows} SQL
 * function instead, which the generic erasure calls.
 */
public interface ErasureStep {

    /** @return how many rows this step deleted or cleared */
    long erase(ErasureRequested request);
}
