package org.lifeos.platform.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method whose answer carries a secret shown only this once (recovery keys, a
 * partner app's client secret). Such an answer is sent with {@code Cache-Control: no-store}
 * ({@link SecretResponses}) and is never kept for an {@code Idempotency-Key} replay
 * ({@link Idempotency}): a replay would hand the secret out again, to whoever holds the key, without
 * the checks the first request passed. A repeated request with the same key gets a problem saying
 * that the first one succeeded and its secret is not kept, instead of running twice.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface SecretResponse {
}
