package org.lifeos.platform.crypto;

import java.math.BigDecimal;
import java.util.Objects;

import org.hibernate.annotations.Immutable;

/**
 * An encrypted field's value ({@link Encrypted}). A service writes {@code Sealed.of(plaintext)};
 * Hibernate seals it with the circle's data key when the row is written (the platform's
 * {@code SealingInterceptor}), and a value loaded from the database opens with {@link #open()}
 * inside the transaction that loaded it. The plaintext never reaches the database, and
 * {@link #toString()} never shows it.
 *
 * <p>Hibernate sees the type as immutable and compares by identity: assigning a new {@code Sealed}
 * marks the field changed, reading one does not. One value belongs to one field of one row.
 */
@Immutable
public final class Sealed {

    /** The value as the service gave it; null for one loaded from the database. */
    private final String plaintext;
    private volatile byte[] ciphertext;
    private volatile Place place;
    private volatile Vault vault;

    private Sealed(String plaintext, byte[] ciphertext) {
        this.plaintext = plaintext;
        this.ciphertext = ciphertext;
    }

    /** A value to store encrypted. */
    public static Sealed of(String plaintext) {
        return new Sealed(Objects.requireNonNull(plaintext, "plaintext"), null);
    }

    /** A decimal to store encrypted, exactly (scale included): {@link #openDecimal()} gives it back equal. */
    public static Sealed of(BigDecimal value) {
        return of(Objects.requireNonNull(value, "value").toString());
    }

    static Sealed loaded(byte[] ciphertext) {
        return new Sealed(null, ciphertext.clone());
    }

    /**
     * The plaintext. For a value loaded from the database this decrypts it, so call it inside the
     * transaction that loaded the row.
     *
     * @throws UnreadableValueException when the ciphertext does not open: its data key was
     *                                  destroyed (erasure) or it was moved or altered
     */
    public String open() {
        if (plaintext != null) {
            return plaintext;
        }
        Vault opener = vault;
        if (opener == null) {
            throw new IllegalStateException("A sealed value can only be opened once Hibernate loaded it into an "
                    + "@Encrypted field of an entity");
        }
        return opener.open(place, ciphertext);
    }

    public BigDecimal openDecimal() {
        return new BigDecimal(open());
    }

    /** The data key version this value is sealed with; 0 while it is not sealed yet. */
    public int keyVersion() {
        byte[] sealed = ciphertext;
        return sealed == null ? 0 : Vault.keyVersion(sealed);
    }

    /** Whether the value was sealed for the database (loaded, or written). */
    public boolean isSealed() {
        return ciphertext != null;
    }

    byte[] ciphertext() {
        return ciphertext;
    }

    boolean isNew() {
        return plaintext != null && ciphertext == null;
    }

    /** Seals a new value for its place (once: one value belongs to one field of one row). */
    synchronized void seal(Place where, Vault with) {
        if (ciphertext != null) {
            if (!where.equals(place)) {
                throw new IllegalStateException("This sealed value already belongs to " + place
                        + "; use Sealed.of for each field and row");
            }
            return;
        }
        this.ciphertext = with.seal(where, plaintext);
        this.place = where;
        this.vault = with;
    }

    /** Tells a loaded value where it lives, so that it can open. */
    void bind(Place where, Vault with) {
        this.place = where;
        this.vault = with;
    }

    @Override
    public String toString() {
        Place where = place;
        return "Sealed[" + (where == null ? "new" : where.toString()) + "]";
    }
}
