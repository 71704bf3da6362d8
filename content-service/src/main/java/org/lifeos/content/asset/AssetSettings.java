package org.lifeos.content.asset;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code lifeos.content.assets.*}: where asset files live. {@code store=local} (the default: dev,
 * tests, {@code make run}) keeps them in a directory and accepts uploads itself; {@code store=s3}
 * hands clients presigned URLs of an S3-compatible bucket, so file bytes never pass through the
 * service. Credentials for s3 are never configuration: they come from the environment
 * ({@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, or the pod's web identity), through the
 * AWS SDK's default chain.
 */
@ConfigMapping(prefix = "lifeos.content.assets")
public interface AssetSettings {

    enum Kind { LOCAL, S3 }

    @WithDefault("local")
    Kind store();

    /** The largest file an asset may declare. A presigned upload signs the exact declared length. */
    @WithDefault("1G")
    MemorySize maxSize();

    /** How long a presigned upload or download URL stays valid. */
    @WithDefault("15m")
    Duration urlExpiry();

    Local local();

    S3 s3();

    interface Local {
        /**
         * The directory holding {@code <circle>/<asset>} files. The service runs in its module's
         * directory under {@code make run} and {@code quarkus:dev}, so the default is the
         * repository's {@code .lifeos/} (ignored by git, removed by {@code make clean}).
         */
        @WithDefault("../.lifeos/assets")
        Path root();

        /**
         * The largest file the service accepts itself. The request body passes Quarkus's
         * {@code quarkus.http.limits.max-body-size} first (10M unless raised), so this stays at or
         * under it.
         */
        @WithDefault("10M")
        MemorySize maxSize();
    }

    interface S3 {
        /** An S3-compatible endpoint (MinIO, R2, Ceph, ...); empty for AWS's own. */
        Optional<URI> endpoint();

        @WithDefault("us-east-1")
        String region();

        /** Required when {@code store=s3}. */
        Optional<String> bucket();

        /** {@code https://endpoint/bucket/key} instead of {@code https://bucket.endpoint/key}: most S3-compatible servers need it. */
        @WithDefault("false")
        boolean pathStyle();
    }
}
