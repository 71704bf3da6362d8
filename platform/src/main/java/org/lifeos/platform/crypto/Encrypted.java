package org.lifeos.platform.crypto;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link Sealed} entity field as encrypted at rest with the data keys of {@link #value()}.
 * This one annotation is all a service writes:
 *
 * <pre>{@code
 * @Encrypted(DataClass.PHI)
 * @Column(name = "details_encrypted")
 * Sealed details;
 * }</pre>
 *
 * The column is {@code bytea}; the entity needs a {@code tenantId} attribute (the circle) and a
 * UUID {@code @Id}, which together with the service, table and column bind each ciphertext to its
 * place ({@link Place}). Such a field can never be filtered, sorted, summed or indexed in SQL:
 * aggregate in the application, per circle.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Encrypted {

    DataClass value();

    /**
     * The entity attribute (a UUID) naming the member whose private data this is, for data only
     * its owner may read even inside a shared circle (health). Such a field is sealed with the
     * owner's own data key in the circle, which erasing the member destroys. Empty: the circle's key.
     */
    String privateTo() default "";
}
