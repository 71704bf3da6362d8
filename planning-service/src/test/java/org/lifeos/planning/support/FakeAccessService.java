package org.lifeos.planning.support;

import io.quarkus.grpc.GrpcService;

/** identity-service's AccessService for these tests: devstack's {@link org.lifeos.devstack.testing.FakeAccessService}. */
@GrpcService
public class FakeAccessService extends org.lifeos.devstack.testing.FakeAccessService {
}
