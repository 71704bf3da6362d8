package org.lifeos.gateway.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.quarkus.grpc.GrpcClient;
import org.lifeos.contracts.identity.v1.AccessService;
import org.lifeos.platform.net.ClientAddress;
import org.lifeos.platform.apikey.ApiKeyIdentities;
import org.lifeos.platform.apikey.ApiKeyMechanism;
import org.lifeos.platform.apikey.IdentityApiKeys;

/**
 * The platform's personal access token beans, made here: the gateway takes the platform's apikey
 * jar as plain classes (not a bean archive), as it takes the net and problem jars. The mechanism
 * runs before the OIDC one and resolves {@code lopat_...} tokens with identity-service.
 */
@ApplicationScoped
public class ApiKeySecurity {

    @GrpcClient("access")
    AccessService access;

    @Produces
    @ApplicationScoped
    ApiKeyIdentities identities() {
        return new ApiKeyIdentities(new IdentityApiKeys(access));
    }

    @Produces
    @ApplicationScoped
    ApiKeyMechanism mechanism(ClientAddress clients) {
        return new ApiKeyMechanism(new ApiKeyAddresses(clients));
    }
}
