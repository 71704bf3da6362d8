package org.lifeos.finance;

import java.util.List;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.devstack.testing.ServiceBasicsTest;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class FinanceBasicsTest extends ServiceBasicsTest {

    @Override
    protected String database() {
        return "finance";
    }

    @Override
    protected List<String> ownedTopics() {
        return List.of("finance.transaction", "finance.budget", "finance.invoice");
    }
}
