package org.lifeos.platform.api;

import java.util.List;

/**
 * One page of a list. {@code next} is the link to the following page, absent on the last one;
 * it carries an opaque cursor, so pages stay stable while rows are added.
 */
public record Page<T>(List<T> items, String next) {
}
