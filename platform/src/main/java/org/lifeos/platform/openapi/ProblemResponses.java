package org.lifeos.platform.openapi;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.lifeos.platform.error.Problem;
import org.lifeos.platform.error.ProblemType;

/**
 * Gives every service's OpenAPI document the problem answers every LifeOS operation can give, so
 * no resource has to repeat them: the {@code Problem} schema as a component, and on each
 * operation, as {@code application/problem+json} with an example,
 * <ul>
 * <li>400 when it takes parameters or a body (a malformed or missing one is named in {@code errors});</li>
 * <li>401 and 403 under {@code /api/} (a token is needed; scopes and circle role decide);</li>
 * <li>404 when its path names something ({@code {id}});</li>
 * <li>412 when it takes {@code If-Match};</li>
 * <li>429 under {@code /api/} and {@code /public/}: the gateway limits every caller's rate.</li>
 * </ul>
 * A 4xx or 5xx a resource declares itself ({@code @APIResponse(responseCode = "409", description = ...)})
 * keeps its description and gets the problem content when it has none. Runs at build time in
 * every service (found through platform's index).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    public static final String SCHEMA = "Problem";
    static final String SCHEMA_REF = "#/components/schemas/" + SCHEMA;

    private static final Map<ProblemType, String> GENERIC = new EnumMap<>(ProblemType.class);

    static {
        GENERIC.put(ProblemType.VALIDATION, "The request is not valid: a parameter or field is malformed or missing (each is named in `errors`).");
        GENERIC.put(ProblemType.UNAUTHORIZED, "No valid access token (missing, expired, or not for the LifeOS API).");
        GENERIC.put(ProblemType.FORBIDDEN, "The token's scopes or the caller's role in the circle do not allow this.");
        GENERIC.put(ProblemType.NOT_FOUND, "Nothing with this id in the caller's circle.");
        GENERIC.put(ProblemType.PRECONDITION_FAILED, "`If-Match` names a version that is no longer current: read it again and retry.");
        GENERIC.put(ProblemType.RATE_LIMITED, "The caller used up its requests for the minute; `Retry-After` says when to try again.");
    }

    /** The problem type an example shows for a status a resource declares (the most general one). */
    private static final Map<Integer, ProblemType> BY_STATUS = new TreeMap<>();

    static {
        for (ProblemType type : ProblemType.values()) {
            BY_STATUS.putIfAbsent(type.status(), type);
        }
        BY_STATUS.put(422, ProblemType.UNPROCESSABLE);
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSchema(SCHEMA, problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (item.getOperations() != null) {
                item.getOperations().values().forEach(operation -> addProblems(path, item, operation));
            }
        });
    }

    private static void addProblems(String path, PathItem item, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        List<Parameter> parameters = new ArrayList<>();
        if (item.getParameters() != null) {
            parameters.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        boolean api = path.startsWith("/api/");
        if (!parameters.isEmpty() || operation.getRequestBody() != null) {
            addGeneric(responses, ProblemType.VALIDATION);
        }
        if (api) {
            addGeneric(responses, ProblemType.UNAUTHORIZED);
            addGeneric(responses, ProblemType.FORBIDDEN);
        }
        if (path.contains("{")) {
            addGeneric(responses, ProblemType.NOT_FOUND);
        }
        boolean ifMatch = parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.HEADER
                && "If-Match".equalsIgnoreCase(p.getName()));
        if (ifMatch) {
            addGeneric(responses, ProblemType.PRECONDITION_FAILED);
        }
        if (api || path.startsWith("/public/")) {
            addGeneric(responses, ProblemType.RATE_LIMITED);
        }
        if (responses.getAPIResponses() != null) {
            responses.getAPIResponses().forEach((code, response) -> fillProblem(path, code, response));
        }
    }

    private static void addGeneric(APIResponses responses, ProblemType type) {
        String code = Integer.toString(type.status());
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(GENERIC.get(type)));
        }
    }

    /** A declared 4xx/5xx without content gets the problem content; a problem content without example gets one. */
    private static void fillProblem(String path, String code, APIResponse response) {
        int status;
        try {
            status = Integer.parseInt(code);
        } catch (NumberFormatException e) {
            return; // "default" or a range such as "4XX": nothing to say about it
        }
        if (status < 400 || status > 599) {
            return;
        }
        ProblemType type = BY_STATUS.getOrDefault(status, status >= 500 ? ProblemType.INTERNAL : ProblemType.VALIDATION);
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription(GENERIC.getOrDefault(type, type.title()));
        }
        Content content = response.getContent();
        if (content == null || content.getMediaTypes() == null || content.getMediaTypes().isEmpty()) {
            response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                    .schema(OASFactory.createSchema().ref(SCHEMA_REF))));
            content = response.getContent();
        }
        MediaType problem = content.getMediaType(Problem.MEDIA_TYPE);
        if (problem != null && problem.getExample() == null
                && (problem.getExamples() == null || problem.getExamples().isEmpty())) {
            problem.setExample(example(type, status, path));
        }
    }

    static Map<String, Object> example(ProblemType type, int status, String path) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", type.type().toString());
        example.put("title", type.title());
        example.put("status", status);
        example.put("detail", switch (type) {
            case VALIDATION -> "title: must not be blank";
            case NOT_FOUND -> "Not found";
            default -> GENERIC.getOrDefault(type, type.title());
        });
        example.put("instance", path.replaceAll("\\{[^}]+}", "0190a5e2-8b6f-7c3a-9d41-2f1e0b6c7a55"));
        example.put("requestId", "5f2b8c1e-3d4a-4b6f-9e7d-1a2b3c4d5e6f");
        if (type == ProblemType.VALIDATION) {
            example.put("errors", List.of(Map.of("field", "title", "message", "must not be blank")));
        }
        return example;
    }

    /** platform's {@link Problem}, as clients see it on the wire. */
    static Schema problemSchema() {
        Schema fieldError = object("One bad field: where (a JSON path, a query parameter, a header) and what is wrong.")
                .addProperty("field", string("Where: a JSON path such as `subtasks[2].title`, or a parameter's name."))
                .addProperty("message", string("What is wrong with it."))
                .required(List.of("field", "message"));
        return object("An RFC 9457 problem document: every LifeOS error answer, from a service or the gateway. "
                        + "Clients switch on `type`; nothing in it is a class name or a stack trace.")
                .addProperty("type", string("Stable URI of the problem type, e.g. https://lifeos.dev/problems/not-found.").format("uri"))
                .addProperty("title", string("Short summary of the problem type."))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).format("int32")
                        .description("The HTTP status code."))
                .addProperty("detail", string("What went wrong with this request, for people."))
                .addProperty("instance", string("The request path."))
                .addProperty("requestId", string("The request's X-Request-Id, to quote when reporting it."))
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY)).items(fieldError)
                        .description("Each bad field of a 400."))
                .required(List.of("type", "title", "status"));
    }

    private static Schema object(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT)).description(description);
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }
}
