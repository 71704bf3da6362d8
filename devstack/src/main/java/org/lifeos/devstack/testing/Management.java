package org.lifeos.devstack.testing;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Requests to the management interface of the application under test, where Quarkus serves /q/*
 * (health, metrics). Tests run it on a free port ({@code quarkus.management.test-port=0}); Quarkus
 * records the port it got under that key.
 */
public final class Management {

    private Management() {
    }

    public static int port() {
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }

    /** A RestAssured request to the management port instead of the public one. */
    public static RequestSpecification given() {
        return RestAssured.given().port(port());
    }
}
