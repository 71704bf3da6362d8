package org.lifeos.platform.crypto;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code lifeos.encryption.*}: the master keys and the pace of the background key jobs. */
@ConfigMapping(prefix = "lifeos.encryption")
public interface EncryptionConfig {

    /**
     * {@code LIFEOS_ENCRYPTION_KEY}: 32 random bytes, base64 ({@code openssl rand -base64 32}). A
     * value starting with {@code dev-only-} is a development key, refused unless
     * {@link #allowDevKey()}.
     */
    String masterKey();

    /** {@code LIFEOS_ENCRYPTION_KEY_PREVIOUS}: the master key before the current one, during a rotation. */
    Optional<String> previousMasterKey();

    /** Whether a {@code dev-only-} master key is accepted: in the dev and test profiles and {@code make run} only. */
    @WithDefault("false")
    boolean allowDevKey();

    /** Data keys re-wrapped per transaction after a master key rotation. */
    @WithDefault("100")
    int rewrapBatch();

    /** Rows re-encrypted per transaction by a re-encryption job. */
    @WithDefault("200")
    int reencryptBatch();

    /** How often every replica looks for data keys to re-wrap ({@code off}: never; tests run it themselves). */
    @WithDefault("1m")
    String rewrapEvery();

    /** How often every replica resumes unfinished re-encryption jobs ({@code off}: never). */
    @WithDefault("30s")
    String reencryptEvery();
}
