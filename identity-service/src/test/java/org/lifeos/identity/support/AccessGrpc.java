package org.lifeos.identity.support;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import io.grpc.netty.NettyChannelBuilder;
import io.restassured.RestAssured;
import org.lifeos.contracts.identity.v1.AccessServiceGrpc;
import org.lifeos.contracts.identity.v1.Caller;
import org.lifeos.contracts.identity.v1.CheckRequest;
import org.lifeos.contracts.identity.v1.CheckResponse;
import org.lifeos.contracts.identity.v1.ListMembershipsRequest;
import org.lifeos.contracts.identity.v1.ListMembershipsResponse;

/**
 * A real gRPC client of AccessService over the network, on the service's HTTP port (HTTP/2
 * cleartext). Calls about a test user carry that user's own bearer token, as the platform's
 * AccessClient sends its caller's; {@link #check(CheckRequest, String)} sends any token or none.
 */
public final class AccessGrpc implements AutoCloseable {

    private final ManagedChannel channel;
    private final AccessServiceGrpc.AccessServiceBlockingStub stub;

    private AccessGrpc(ManagedChannel channel) {
        this.channel = channel;
        this.stub = AccessServiceGrpc.newBlockingStub(channel);
    }

    /** Connects to the running test application's port. */
    public static AccessGrpc connect() {
        return new AccessGrpc(NettyChannelBuilder.forAddress("127.0.0.1", RestAssured.port).usePlaintext().build());
    }

    public static Caller caller(TestUser user) {
        return Caller.newBuilder().setUserId(user.id().toString()).setUsername(user.username())
                .setEmail(user.email()).setDisplayName(user.displayName()).setZoneinfo("Europe/Berlin").build();
    }

    public CheckResponse check(TestUser user, UUID circle, String resource, String action) {
        return check(request(user, circle, resource, action), user.token());
    }

    public static CheckRequest request(TestUser user, UUID circle, String resource, String action) {
        return CheckRequest.newBuilder().setCaller(caller(user))
                .setCircleId(circle == null ? "" : circle.toString())
                .setResource(resource).setAction(action).build();
    }

    /** A Check with {@code token} as the bearer token, or with no authorization metadata when null. */
    public CheckResponse check(CheckRequest request, String token) {
        return authorized(token).check(request);
    }

    public ListMembershipsResponse memberships(TestUser user) {
        return memberships(user, user.token());
    }

    public ListMembershipsResponse memberships(TestUser user, String token) {
        return memberships(caller(user), token);
    }

    /** ListMemberships for any caller, as a client may send it, with {@code token} (or none when null). */
    public ListMembershipsResponse memberships(Caller caller, String token) {
        return authorized(token).listMemberships(ListMembershipsRequest.newBuilder().setCaller(caller).build());
    }

    private AccessServiceGrpc.AccessServiceBlockingStub authorized(String token) {
        AccessServiceGrpc.AccessServiceBlockingStub deadlined = stub.withDeadlineAfter(10, TimeUnit.SECONDS);
        if (token == null) {
            return deadlined;
        }
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        return deadlined.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
}
