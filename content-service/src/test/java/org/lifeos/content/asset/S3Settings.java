package org.lifeos.content.asset;

import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;

/** {@link AssetSettings} for an s3 store in tests: region eu-central-1, 15-minute URLs, 1 GiB files. */
final class S3Settings {

    private S3Settings() {
    }

    static AssetSettings of(Optional<URI> endpoint, boolean pathStyle, Optional<String> bucket) {
        return new AssetSettings() {
            @Override
            public Kind store() {
                return Kind.S3;
            }

            @Override
            public MemorySize maxSize() {
                return new MemorySize(BigInteger.valueOf(1L << 30));
            }

            @Override
            public Duration urlExpiry() {
                return Duration.ofMinutes(15);
            }

            @Override
            public Local local() {
                return new Local() {
                    @Override
                    public Path root() {
                        return Path.of("unused");
                    }

                    @Override
                    public MemorySize maxSize() {
                        return new MemorySize(BigInteger.TEN);
                    }
                };
            }

            @Override
            public S3 s3() {
                return new S3() {
                    @Override
                    public Optional<URI> endpoint() {
                        return endpoint;
                    }

                    @Override
                    public String region() {
                        return "eu-central-1";
                    }

                    @Override
                    public Optional<String> bucket() {
                        return bucket;
                    }

                    @Override
                    public boolean pathStyle() {
                        return pathStyle;
                    }
                };
            }
        };
    }
}
