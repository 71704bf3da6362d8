package org.lifeos.identity.api;

import java.util.List;

/**
 * One page of a list: the items in a stable order and, when more follow, the opaque cursor of the
 * next page ({@code null} on the last page).
 */
public record Page<T>(List<T> items, String next) {
}
