package org.lifeos.content;

import java.util.List;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.devstack.testing.ServiceBasicsTest;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ContentBasicsTest extends ServiceBasicsTest {

    @Override
    protected String database() {
        return "content";
    }

    @Override
    protected List<String> ownedTopics() {
        return List.of("content.revenue", "content.item");
    }
}
