package org.lifeos.platform.tenancy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The resource and action a REST method performs, checked against the caller's role in the
 * circle and the circle's policies before the method runs. Without it, a method under /api is
 * refused: every endpoint says what it touches.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Access {

    /** e.g. {@code tasks}, {@code circles}, {@code members}, {@code policies}. */
    String resource();

    /** {@code read}, {@code write}, {@code delete} or {@code manage}. */
    String action();

    /** The token scope a partner app needs, e.g. {@code planning:read}; first-party apps need none. */
    String scope();
}
