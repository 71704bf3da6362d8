package org.lifeos.platform.crypto;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Stores a {@link Sealed} as its ciphertext ({@code bytea}). Applied to every {@code Sealed}
 * attribute; the sealing itself (which needs the row and circle) happens in the platform's
 * {@code SealingInterceptor} before Hibernate writes.
 */
@Converter(autoApply = true)
public class SealedConverter implements AttributeConverter<Sealed, byte[]> {

    @Override
    public byte[] convertToDatabaseColumn(Sealed value) {
        if (value == null) {
            return null;
        }
        if (!value.isSealed()) {
            throw new IllegalStateException("A Sealed value reached the database unsealed: annotate its field "
                    + "with @Encrypted");
        }
        return value.ciphertext();
    }

    @Override
    public Sealed convertToEntityAttribute(byte[] column) {
        return column == null ? null : Sealed.loaded(column);
    }
}
