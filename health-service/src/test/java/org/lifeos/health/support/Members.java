package org.lifeos.health.support;

import io.quarkus.grpc.GrpcService;

/** identity-service's AccessService for these tests: devstack's {@link org.lifeos.devstack.testing.FakeAccessService}. */
@GrpcService
public class Members extends org.lifeos.devstack.testing.FakeAccessService {

    /** {@code user} joins {@code circle} with {@code role}. */
    public static void join(java.util.UUID user, java.util.UUID circle, String role) {
        setRole(user, circle, role);
    }
}
