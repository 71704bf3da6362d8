package org.lifeos.identity.support;

import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

/** Steps many tests share, each through the public REST API. */
public final class Api {

    private Api() {
    }

    /** Signs the user in once (the first request provisions them) and returns their personal circle. */
    public static UUID signIn(TestUser user) {
        return UUID.fromString(user.api().get("/api/v1/me").then().statusCode(200)
                .body("id", equalTo(user.id().toString()))
                .extract().path("personalCircleId"));
    }

    public static UUID createCircle(TestUser owner, String name) {
        return UUID.fromString(owner.api().body(Map.of("name", name)).post("/api/v1/circles")
                .then().statusCode(201).extract().path("id"));
    }

    /** Signs {@code member} in and adds them to the circle with {@code role}. */
    public static void addMember(TestUser owner, UUID circle, TestUser member, String role) {
        signIn(member);
        owner.api().body(Map.of("userId", member.id().toString(), "role", role))
                .post("/api/v1/circles/{id}/members", circle)
                .then().statusCode(201).body("role", equalTo(role));
    }
}
