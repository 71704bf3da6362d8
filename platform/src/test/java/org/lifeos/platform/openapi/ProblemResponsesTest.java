package org.lifeos.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

class ProblemResponsesTest {

    @Test
    void theProblemSchemaIsAComponentWithEveryFieldOfTheRecord() {
        OpenAPI document = filtered(OASFactory.createOpenAPI());

        var schema = document.getComponents().getSchemas().get(ProblemResponses.SCHEMA);
        assertEquals(Set.of("type", "title", "status", "detail", "instance", "requestId", "errors"),
                schema.getProperties().keySet());
        assertEquals(Set.of("field", "message"), schema.getProperties().get("errors").getItems().getProperties().keySet());
    }

    @Test
    void aReadOfOneThingMayBeUnauthorizedForbiddenNotFoundMalformedOrRateLimited() {
        Operation get = operation();
        get.addParameter(OASFactory.createParameter().name("id").in(Parameter.In.PATH));
        OpenAPI document = filtered(document("/api/v1/notes/{id}", PathItem.HttpMethod.GET, get));

        assertEquals(Set.of("200", "400", "401", "403", "404", "429"), get.getResponses().getAPIResponses().keySet());
        get.getResponses().getAPIResponses().forEach((code, response) -> {
            if (!code.equals("200")) {
                assertProblem(response, Integer.parseInt(code));
            }
        });
        assertNotNull(document.getComponents().getSchemas().get(ProblemResponses.SCHEMA));
    }

    @Test
    void onlyAnOperationTakingIfMatchCanFailItsPrecondition() {
        Operation patch = operation();
        patch.addParameter(OASFactory.createParameter().name("If-Match").in(Parameter.In.HEADER));
        Operation list = operation();
        PathItem item = OASFactory.createPathItem().PATCH(patch).GET(list);
        filtered(OASFactory.createOpenAPI().paths(OASFactory.createPaths().addPathItem("/api/v1/notes", item)));

        assertTrue(patch.getResponses().hasAPIResponse("412"));
        assertFalse(list.getResponses().hasAPIResponse("412"));
        assertFalse(list.getResponses().hasAPIResponse("400"), "no parameters, no body: nothing to be malformed");
        assertFalse(list.getResponses().hasAPIResponse("404"), "a collection is never missing");
    }

    @Test
    void aPublicCallNeedsNoTokenButIsRateLimited() {
        Operation post = operation();
        post.setRequestBody(OASFactory.createRequestBody());
        filtered(document("/public/v1/recovery", PathItem.HttpMethod.POST, post));

        assertEquals(Set.of("200", "400", "429"), post.getResponses().getAPIResponses().keySet());
    }

    @Test
    void aResponseTheServiceDeclaredWithoutContentKeepsItsDescriptionAndGetsTheProblem() {
        Operation post = operation();
        post.getResponses().addAPIResponse("409", OASFactory.createAPIResponse().description("The name is taken."));
        filtered(document("/api/v1/circles", PathItem.HttpMethod.POST, post));

        APIResponse conflict = post.getResponses().getAPIResponse("409");
        assertEquals("The name is taken.", conflict.getDescription());
        assertProblem(conflict, 409);
    }

    @Test
    void aResponseWithItsOwnContentIsLeftAlone() {
        Operation get = operation();
        MediaType own = OASFactory.createMediaType().example(Map.of("reason", "custom"));
        get.getResponses().addAPIResponse("404", OASFactory.createAPIResponse().description("Gone.")
                .content(OASFactory.createContent().addMediaType("application/problem+json", own)));
        filtered(document("/api/v1/tasks/{id}", PathItem.HttpMethod.GET, get));

        assertEquals(Map.of("reason", "custom"), get.getResponses().getAPIResponse("404").getContent()
                .getMediaType("application/problem+json").getExample());
    }

    private static void assertProblem(APIResponse response, int status) {
        assertNotNull(response.getDescription());
        MediaType problem = response.getContent().getMediaType("application/problem+json");
        assertEquals(ProblemResponses.SCHEMA_REF, problem.getSchema().getRef());
        @SuppressWarnings("unchecked")
        Map<String, Object> example = (Map<String, Object>) problem.getExample();
        assertEquals(status, example.get("status"));
        assertTrue(example.get("type").toString().startsWith("https://lifeos.dev/problems/"));
    }

    private static Operation operation() {
        return OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description("OK")));
    }

    private static OpenAPI document(String path, PathItem.HttpMethod method, Operation operation) {
        PathItem item = OASFactory.createPathItem();
        item.setOperation(method, operation);
        return OASFactory.createOpenAPI().paths(OASFactory.createPaths().addPathItem(path, item));
    }

    private static OpenAPI filtered(OpenAPI document) {
        new ProblemResponses().filterOpenAPI(document);
        return document;
    }
}
