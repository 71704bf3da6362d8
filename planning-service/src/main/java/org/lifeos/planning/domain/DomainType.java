package org.lifeos.planning.domain;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of life domain (seed 000). JSON and the database use the lower-case form. */
public enum DomainType {
    CLIENT_WORK, SOFTWARE, SIDE_PROJECT, LIFE_ADMIN, MODELING, ESCORT, CONTENT, PHYSICAL;

    @JsonValue

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
