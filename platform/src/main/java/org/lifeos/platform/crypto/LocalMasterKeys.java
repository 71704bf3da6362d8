package org.lifeos.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.AesGcmJce;
import io.quarkus.arc.DefaultBean;

/**
 * The master keys from the environment: {@code LIFEOS_ENCRYPTION_KEY} and, during a rotation,
 * {@code LIFEOS_ENCRYPTION_KEY_PREVIOUS} (each 32 random bytes in base64), used as AES-256-GCM keys
 * to wrap data keys. A key's id is derived from the key itself (an HMAC, not the key), so the id
 * stored with each wrapped data key says which master key it needs without revealing it.
 *
 * <p>A {@code dev-only-...} value is a development key (hashed to 32 bytes), accepted only with
 * {@code lifeos.encryption.allow-dev-key=true} (dev and test profiles, {@code make run}); a
 * production start with it, or with a malformed key, fails with a message saying what to set.
 * Replaced by any other {@link MasterKeys} bean (a KMS).
 */
@Singleton
@DefaultBean
public class LocalMasterKeys implements MasterKeys {

    static final String DEV_PREFIX = "dev-only-";

    private final String currentId;
    private final Map<String, Aead> keys = new LinkedHashMap<>();

    @Inject
    public LocalMasterKeys(EncryptionConfig config) {
        this(config.masterKey(), config.previousMasterKey(), config.allowDevKey());
    }

    public LocalMasterKeys(String current, Optional<String> previous, boolean allowDevKey) {
        Key now = parse("LIFEOS_ENCRYPTION_KEY", current, allowDevKey);
        currentId = now.id();
        keys.put(now.id(), now.aead());
        previous.filter(value -> !value.isBlank()).ifPresent(value -> {
            Key before = parse("LIFEOS_ENCRYPTION_KEY_PREVIOUS", value, allowDevKey);
            keys.putIfAbsent(before.id(), before.aead());
        });
    }

    @Override
    public String currentId() {
        return currentId;
    }

    @Override
    public Set<String> ids() {
        return Set.copyOf(keys.keySet());
    }

    @Override
    public Optional<Aead> byId(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    private record Key(String id, Aead aead) {
    }

    private static Key parse(String name, String value, boolean allowDevKey) {
        String howTo = "set it to 32 random bytes in base64 (openssl rand -base64 32)";
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: " + howTo);
        }
        byte[] material;
        if (value.startsWith(DEV_PREFIX)) {
            if (!allowDevKey) {
                throw new IllegalStateException(name + " is a dev-only key (the built-in default when it is not set), "
                        + "which is refused outside the dev and test profiles and make run: " + howTo);
            }
            material = sha256(value.getBytes(StandardCharsets.UTF_8));
        } else {
            try {
                material = Base64.getDecoder().decode(value.strip());
            } catch (IllegalArgumentException notStandard) {
                try {
                    material = Base64.getUrlDecoder().decode(value.strip());
                } catch (IllegalArgumentException notUrl) {
                    throw new IllegalStateException(name + " is not base64: " + howTo);
                }
            }
            if (material.length != 32) {
                throw new IllegalStateException(name + " decodes to " + material.length + " bytes, not 32: " + howTo);
            }
        }
        try {
            return new Key(idOf(material), new AesGcmJce(material));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(name + " cannot be used as an AES-256-GCM key: " + e.getMessage(), e);
        }
    }

    /** {@code local:} and 16 hex digits of HMAC-SHA256(key, "lifeos master key id"). */
    static String idOf(byte[] material) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(material, "HmacSHA256"));
            byte[] tag = mac.doFinal("lifeos master key id".getBytes(StandardCharsets.UTF_8));
            return "local:" + HexFormat.of().formatHex(tag, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
