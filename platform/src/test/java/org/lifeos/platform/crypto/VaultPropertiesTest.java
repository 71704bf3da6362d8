package org.lifeos.platform.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.subtle.Random;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.lifeos.platform.crypto.Place.KeyScope;

/**
 * The sealing format itself, over arbitrary values: what goes in comes out, for any text and any
 * decimal, and a ciphertext opens only at its own place. Data keys come from memory here (the
 * database side, rotation and erasure are tested against PostgreSQL in identity-service's
 * EncryptionAtRestTest and AccountDeletionTest).
 */
class VaultPropertiesTest {

    private final InMemoryKeys keys = new InMemoryKeys();
    private final Vault vault = new Vault(keys, "test-service", new SimpleMeterRegistry());

    @Property(tries = 500)
    void anyTextComesBackAsItWent(@ForAll @StringLength(max = 2000) String text, @ForAll("places") Place place) {
        byte[] sealed = vault.seal(place, text);
        assertEquals(text, vault.open(place, sealed));
        if (text.length() >= 8) {
            assertFalse(new String(sealed, StandardCharsets.ISO_8859_1)
                    .contains(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)),
                    "the plaintext shows in the ciphertext");
        }
    }

    @Property(tries = 500)
    void anyDecimalComesBackEqualScaleIncluded(@ForAll("decimals") BigDecimal amount, @ForAll("places") Place place) {
        Sealed value = Sealed.of(amount);
        value.seal(place, vault);
        Sealed loaded = Sealed.loaded(value.ciphertext());
        loaded.bind(place, vault);
        assertEquals(amount, loaded.openDecimal());
        assertEquals(amount.scale(), loaded.openDecimal().scale());
    }

    @Property(tries = 200)
    void aCiphertextOpensOnlyAtItsOwnPlace(@ForAll @StringLength(min = 1, max = 200) String text,
                                           @ForAll("places") Place place) {
        byte[] sealed = vault.seal(place, text);
        for (Place elsewhere : new Place[] {
                new Place(place.table(), place.column(), UUID.randomUUID(), place.circleId(), place.ownerId(), place.dataClass()),
                new Place(place.table(), place.column() + "_other", place.rowId(), place.circleId(), place.ownerId(),
                        place.dataClass()),
                new Place(place.table() + "_other", place.column(), place.rowId(), place.circleId(), place.ownerId(),
                        place.dataClass()),
                new Place(place.table(), place.column(), place.rowId(), UUID.randomUUID(), place.ownerId(), place.dataClass())}) {
            assertThrows(UnreadableValueException.class, () -> vault.open(elsewhere, sealed), elsewhere.toString());
        }
        byte[] altered = sealed.clone();
        altered[altered.length - 1] ^= 1;
        assertThrows(UnreadableValueException.class, () -> vault.open(place, altered));
    }

    @Property(tries = 50)
    void aSealedValueNeverShowsItsPlaintext(@ForAll @StringLength(min = 1, max = 100) String text,
                                            @ForAll("places") Place place) {
        Sealed value = Sealed.of(text);
        assertFalse(value.toString().contains(text) && !"Sealed[new]".contains(text));
        value.seal(place, vault);
        assertEquals("Sealed[" + place + "]", value.toString());
    }

    @Provide
    Arbitrary<Place> places() {
        Arbitrary<UUID> ids = Arbitraries.create(UUID::randomUUID);
        return net.jqwik.api.Combinators.combine(Arbitraries.of("user_configs", "income_entries", "medical_entries"),
                Arbitraries.of("secret_encrypted", "amount_encrypted", "details_encrypted"), ids, ids,
                Arbitraries.of(DataClass.class), Arbitraries.of(true, false))
                .as((table, column, row, circle, dataClass, private_) ->
                        new Place(table, column, row, circle, private_ ? UUID.randomUUID() : null, dataClass));
    }

    @Provide
    Arbitrary<BigDecimal> decimals() {
        return net.jqwik.api.Combinators.combine(Arbitraries.bigIntegers().between(
                        java.math.BigInteger.TEN.pow(40).negate(), java.math.BigInteger.TEN.pow(40)),
                Arbitraries.integers().between(-10, 30)).as(BigDecimal::new);
    }

    /** Data keys in memory, one random AES-256-GCM key per scope and version. */
    static final class InMemoryKeys extends DataKeys {

        private final Map<String, Aead> keys = new HashMap<>();

        InMemoryKeys() {
            super(null, null, null, "test-service");
        }

        @Override
        public synchronized Key current(KeyScope scope) {
            return new Key(1, keys.computeIfAbsent(scope + "/1", k -> newKey()));
        }

        @Override
        public synchronized Optional<Aead> version(KeyScope scope, int version) {
            return Optional.ofNullable(keys.get(scope + "/" + version));
        }

        private static Aead newKey() {
            try {
                return new AesGcmJce(Random.randBytes(32));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
