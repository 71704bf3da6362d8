package org.lifeos.content.asset;

import jakarta.enterprise.context.ApplicationScoped;

import org.lifeos.contracts.privacy.ErasureRequested;
import org.lifeos.platform.privacy.ErasureStep;

/**
 * Assets' part of an account erasure: the files. The generic rule has already deleted the rows
 * (scope circle: every asset row of the circle). Scope circle removes every file stored under the
 * circle ({@code <circle>/...}), also any a failed delete left behind. Scope member removes no file:
 * like library items, assets are the circle's shared work and stay with their rows. Idempotent: a
 * redelivered request finds nothing left. Returns the number of files removed.
 */
@ApplicationScoped
public class AssetErasure implements ErasureStep {

    private final AssetStore store;

    public AssetErasure(AssetStore store) {
        this.store = store;
    }

    @Override
    public long erase(ErasureRequested request) {
        if (!ErasureRequested.SCOPE_CIRCLE.equals(request.scope())) {
            return 0;
        }
        return store.deleteCircle(request.circleId());
    }
}
