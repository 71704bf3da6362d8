package org.lifeos.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.google.crypto.tink.Aead;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Seals and opens values with AES-256-GCM under their circle's data key ({@link DataKeys}), bound to
 * their {@link Place} by associated data (service, table, column, row, circle, owner, data class,
 * key version). A sealed value is a format byte, the key version (4 bytes) and Tink's AES-GCM
 * output (12-byte nonce, ciphertext, 16-byte tag). A value that does not open is reported (log and
 * {@code lifeos_encryption_unreadable_total}), never returned.
 */
@ApplicationScoped
public class Vault {

    private static final Logger LOG = Logger.getLogger(Vault.class);
    private static final byte FORMAT = 1;
    private static final int HEADER = 5;

    private final DataKeys keys;
    private final String service;
    private final Counter unreadable;

    public Vault(DataKeys keys, @ConfigProperty(name = "quarkus.application.name") String service, MeterRegistry meters) {
        this.keys = keys;
        this.service = service;
        this.unreadable = Counter.builder("lifeos.encryption.unreadable")
                .description("Stored values that did not decrypt (key destroyed, or ciphertext moved or altered)")
                .register(meters);
    }

    /** Encrypts {@code plaintext} for {@code place} with the newest version of its data key. */
    public byte[] seal(Place place, String plaintext) {
        DataKeys.Key key = keys.current(place.keyScope());
        try {
            byte[] ciphertext = key.aead().encrypt(plaintext.getBytes(StandardCharsets.UTF_8),
                    place.associatedData(service, key.version()));
            return ByteBuffer.allocate(HEADER + ciphertext.length).put(FORMAT).putInt(key.version()).put(ciphertext)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal a value for " + place, e);
        }
    }

    /**
     * Decrypts what {@link #seal} made for this very place.
     *
     * @throws UnreadableValueException when it does not open (logged with the place, counted)
     */
    public String open(Place place, byte[] sealed) {
        if (sealed.length <= HEADER || sealed[0] != FORMAT) {
            throw unreadable(place, "not a sealed value of a known format");
        }
        int version = keyVersion(sealed);
        Optional<Aead> key;
        try {
            key = keys.version(place.keyScope(), version);
        } catch (IllegalStateException e) {
            throw unreadable(place, e.getMessage());
        }
        if (key.isEmpty()) {
            throw unreadable(place, "its data key (version " + version + ") no longer exists: destroyed by erasure "
                    + "or retired");
        }
        byte[] plaintext;
        try {
            plaintext = key.get().decrypt(Arrays.copyOfRange(sealed, HEADER, sealed.length),
                    place.associatedData(service, version));
        } catch (GeneralSecurityException e) {
            throw unreadable(place, "it does not belong to this place (moved from another row, column or circle) "
                    + "or was altered");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(plaintext)).toString();
        } catch (CharacterCodingException e) {
            throw unreadable(place, "it decrypts to something that is not UTF-8 text");
        }
    }

    /** The data key version a sealed value names. */
    public static int keyVersion(byte[] sealed) {
        return sealed.length < HEADER ? 0 : ByteBuffer.wrap(sealed, 1, 4).getInt();
    }

    private UnreadableValueException unreadable(Place place, String reason) {
        UnreadableValueException e = new UnreadableValueException(place, reason);
        unreadable.increment();
        LOG.errorf("Cannot decrypt %s", e.reason());
        return e;
    }
}
