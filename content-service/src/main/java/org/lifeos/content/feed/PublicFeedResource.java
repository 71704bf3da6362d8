package org.lifeos.content.feed;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * The iCalendar feed itself, for calendar apps that cannot send a token: the secret in the path is
 * the credential. Lives outside {@code /api/}, where the platform's access filter requires a token.
 */
@Path("/public/v1/content-calendar")
public class PublicFeedResource {

    public static final String TEXT_CALENDAR = "text/calendar";

    private final FeedService service;
    private final TenantContext context;

    public PublicFeedResource(FeedService service, TenantContext context) {
        this.service = service;
        this.context = context;
    }

    @GET
    @Path("{circle}/{secret}")
    @Produces(TEXT_CALENDAR)
    @Operation(operationId = "readCalendarFeed", summary = "The content calendar as iCalendar, by secret URL",
            description = "Dated entries as events (all-day without a time). Unknown, malformed or revoked: 404.")
    @APIResponse(responseCode = "200", description = "The calendar",
            content = @Content(mediaType = TEXT_CALENDAR, schema = @Schema(type =
                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    public String read(@PathParam("circle") String circle, @PathParam("secret") String secret) {
        UUID circleId;
        try {
            circleId = UUID.fromString(circle);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("calendar feed");
        }
        context.set(FeedService.FEED_READER, circleId);
        return service.ics(circleId, secret);
    }
}
