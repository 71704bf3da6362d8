package org.lifeos.platform.crypto;

import java.util.Optional;
import java.util.Set;

import com.google.crypto.tink.Aead;

/**
 * The master keys (KEKs) that wrap data keys. The platform's {@link LocalMasterKeys} holds them in
 * memory from {@code LIFEOS_ENCRYPTION_KEY} (and {@code LIFEOS_ENCRYPTION_KEY_PREVIOUS} during a
 * rotation). A key management service replaces it with a bean of its own implementing this
 * interface (an {@link Aead} per key id whose encrypt and decrypt are calls to Vault Transit, AWS
 * KMS or GCP KMS; Tink's {@code tink-awskms} / {@code tink-gcpkms} give such an {@code Aead}): the
 * data keys never leave the service unwrapped, and the master key never enters it. See
 * docs/operations.md, "Encryption keys".
 */
public interface MasterKeys {

    /** The id of the master key new and re-wrapped data keys are wrapped with. */
    String currentId();

    /** Every master key id this service can unwrap with (the current one first). */
    Set<String> ids();

    /** The master key with this id, when this service holds it. */
    Optional<Aead> byId(String id);

    default Aead current() {
        return byId(currentId()).orElseThrow();
    }
}
