package org.lifeos.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The validation must fail on broken manifests, each for its own reason: every broken fixture is
 * the valid one with one mistake, and the problem reported must name that mistake.
 */
class ValidatorCatchesBrokenManifestsTest {

    private static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures");

    private static Validator.Report validate(String fixture) {
        return Validator.check(Manifests.parse(FIXTURES.resolve(fixture + ".yaml")), Set.of());
    }

    @Test
    void theValidFixturePassesSoEveryFailureBelowComesFromItsOneMistake() {
        Validator.Report report = validate("valid");
        assertTrue(report.valid(), () -> String.join("\n", report.problems()));
    }

    @ParameterizedTest(name = "{0} fails: {1}")
    @CsvSource(delimiter = '|', value = {
        "unknown-field                 | The field `readynessProbe` in the JSON string is not defined in the `V1Container` properties",
        "wrong-type                    | replicas",
        "missing-probe                 | container demo: no readinessProbe",
        "service-selects-nothing       | Service demo (",
        "networkpolicy-selects-nothing | NetworkPolicy demo-deny (",
        "runs-as-root                  | does not set runAsNonRoot",
        "no-limits                     | no cpu limits",
        "kafka-unknown-field           | encryption",
        "kafka-wrong-type              | partitions",
        "realm-unknown-field           | bruteForceProtectd",
        "committed-secret              | key password holds a value that is not marked dev-only",
        "probes-behind-service         | exposes port http, where its pods answer their probes",
    })
    void aBrokenManifestFailsAndTheProblemNamesTheMistake(String fixture, String expected) {
        Validator.Report report = validate(fixture);
        assertFalse(report.valid(), fixture + " passed validation");
        assertTrue(report.problems().stream().anyMatch(p -> p.contains(expected)),
                () -> fixture + ": expected a problem containing '" + expected + "', got:\n"
                        + String.join("\n", report.problems()));
    }

    @Test
    void aServiceSelectingNothingIsReportedAsSuch() {
        List<String> problems = validate("service-selects-nothing").problems();
        assertEquals(1, problems.size(), () -> String.join("\n", problems));
        assertTrue(problems.get(0).contains("selects no pod template"), problems.get(0));
    }

    @Test
    void aPodThatMayRunAsRootIsAlsoCaughtWritingItsRootFilesystem() {
        List<String> problems = validate("runs-as-root").problems();
        assertTrue(problems.stream().anyMatch(p -> p.contains("root filesystem is not read-only")),
                () -> String.join("\n", problems));
    }

    @Test
    void anUnknownKindIsAProblemNotASilentPass() {
        List<K8sObject> objects = Manifests.parse("""
                apiVersion: example.com/v1
                kind: Widget
                metadata:
                  name: w
                """, "inline");
        Validator.Report report = Validator.checkSchemas(objects);
        assertFalse(report.valid());
        assertTrue(report.problems().get(0).contains("no schema for example.com/v1/Widget"), report.problems().get(0));
    }
}
