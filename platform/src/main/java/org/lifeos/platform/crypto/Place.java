package org.lifeos.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Where a sealed value lives: its table, column and row, its circle (and owner, for private data)
 * and its data class. It is the associated data of the ciphertext, so a ciphertext copied to another
 * row, column, table or circle does not decrypt. {@link #toString()} names the place for logs and
 * errors; it never holds the value.
 */
public record Place(String table, String column, UUID rowId, UUID circleId, UUID ownerId, DataClass dataClass) {

    public Place {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(rowId, "row id");
        Objects.requireNonNull(circleId, "circle");
        Objects.requireNonNull(dataClass, "data class");
    }

    /** The data key this place is sealed with (without its version). */
    public KeyScope keyScope() {
        return new KeyScope(circleId, ownerId, dataClass);
    }

    byte[] associatedData(String service, int keyVersion) {
        return String.join("\u0000", "lifeos-sealed/v1", service, table, column, rowId.toString(),
                circleId.toString(), ownerId == null ? "" : ownerId.toString(), dataClass.wire(),
                Integer.toString(keyVersion)).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return table + "." + column + " of row " + rowId + " in circle " + circleId
                + (ownerId == null ? "" : " (private to " + ownerId + ")");
    }

    /** Which data keys: a circle's (owner null) or a member's private ones in it, of one class. */
    public record KeyScope(UUID circleId, UUID ownerId, DataClass dataClass) {

        public KeyScope {
            Objects.requireNonNull(circleId, "circle");
            Objects.requireNonNull(dataClass, "data class");
        }

        byte[] wrappingContext(String service, int version) {
            return String.join("\u0000", "lifeos-data-key/v1", service, circleId.toString(),
                    ownerId == null ? "" : ownerId.toString(), dataClass.wire(), Integer.toString(version))
                    .getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return dataClass.wire() + " key of circle " + circleId + (ownerId == null ? "" : " private to " + ownerId);
        }
    }
}
