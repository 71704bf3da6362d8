package org.lifeos.content.asset;

import static org.lifeos.content.ContentResources.ASSETS;
import static org.lifeos.content.ContentResources.MANAGE;
import static org.lifeos.content.ContentResources.READ;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.lifeos.content.asset.AssetDtos.AssetForm;
import org.lifeos.content.asset.AssetDtos.AssetView;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.api.Responses;
import org.lifeos.platform.error.Problem;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.tenancy.Access;

/**
 * Media files' metadata and their files. Creating an asset declares the file (name, media type,
 * exact length); the answer's {@code upload} link says where to PUT it (a presigned bucket URL, or
 * this service's {@code /content} endpoint with the caller's token); then the asset is
 * {@code uploaded} and its {@code download} link serves it.
 */
@Path("/api/v1/content/assets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AssetResource {

    private final AssetService service;
    private final AssetFiles files;
    private final AssetStore store;
    private final Forms forms;

    public AssetResource(AssetService service, AssetFiles files, AssetStore store, Forms forms) {
        this.service = service;
        this.files = files;
        this.store = store;
        this.forms = forms;
    }

    @GET
    @Access(resource = ASSETS, action = "read", scope = READ)
    @Operation(operationId = "listAssets", summary = "The circle's assets, newest first",
            description = "mimeType is exact (image/png) or a whole type (image/*); tag matches one tag.")
    public Page<AssetView> list(@QueryParam("tag") String tag, @QueryParam("mimeType") String mimeType,
                                @QueryParam("assetType") String assetType, @QueryParam("clientId") UUID clientId,
                                @QueryParam("projectId") UUID projectId, @QueryParam("status") String status,
                                @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                                @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 1);
        AssetService.Filter filter = new AssetService.Filter(
                Optional.ofNullable(tag).filter(t -> !t.isBlank()).map(String::strip),
                Optional.ofNullable(mimeType).filter(m -> !m.isBlank()).map(AssetResource::mimeFilter),
                Optional.ofNullable(assetType).map(t -> Params.enumValue("assetType", t, AssetType.class)),
                Optional.ofNullable(clientId), Optional.ofNullable(projectId),
                Optional.ofNullable(status).map(s -> Params.enumValue("status", s, AssetStatus.class)));
        return keyset.page(service.list(filter, keyset), asset -> List.of(asset.id), asset -> view(asset, uri), uri);
    }

    @POST
    @Access(resource = ASSETS, action = "write", scope = MANAGE)
    @Operation(operationId = "createAsset", summary = "Declare an asset; the answer says where to upload its file")
    @APIResponse(responseCode = "201", description = "The pending asset with its upload link, ETag and Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssetView.class)))
    public RestResponse<AssetView> create(JsonNode body, @Context UriInfo uri) {
        Asset asset = service.create(forms.create(body, AssetForm.class));
        return Responses.created(uri, asset.id, view(asset, uri), asset.version);
    }

    @GET
    @Path("{id}")
    @Access(resource = ASSETS, action = "read", scope = READ)
    @Operation(operationId = "getAsset", summary = "Get an asset's metadata and links")
    @APIResponse(responseCode = "200", description = "The asset, with its ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssetView.class)))
    public RestResponse<AssetView> get(@PathParam("id") UUID id, @Context UriInfo uri) {
        Asset asset = service.get(id);
        return Responses.ok(view(asset, uri), asset.version);
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = ASSETS, action = "write", scope = MANAGE)
    @Operation(operationId = "updateAsset", summary = "Change an asset's metadata (JSON merge patch)")
    @APIResponse(responseCode = "200", description = "Done; the current state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssetView.class)))
    @APIResponse(responseCode = "409", description = "mimeType or fileSize of an uploaded asset cannot change",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<AssetView> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                          JsonNode body, @Context UriInfo uri) {
        Asset asset = service.update(id, ifMatch, form -> forms.merge(form, body));
        return Responses.ok(view(asset, uri), asset.version);
    }

    @DELETE
    @Path("{id}")
    @Access(resource = ASSETS, action = "delete", scope = MANAGE)
    @Operation(operationId = "deleteAsset", summary = "Delete an asset and its file")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        files.delete(id, ifMatch);
    }

    @PUT
    @Path("{id}/content")
    @Consumes(MediaType.WILDCARD)
    @Access(resource = ASSETS, action = "write", scope = MANAGE)
    @Operation(operationId = "uploadAssetContent", summary = "Upload a pending asset's file (local store)",
            description = "The body is the file, with the asset's media type as Content-Type and exactly its "
                    + "fileSize bytes. Only where this service stores files itself; with object storage the "
                    + "file goes to the presigned upload.url instead (409 here).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM,
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "200", description = "Stored; the asset, now uploaded, with its size and checksum",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssetView.class)))
    @APIResponse(responseCode = "409", description = "The asset already has its file, or files go to object storage",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Content-Type is not the asset's media type",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<AssetView> upload(@PathParam("id") UUID id, @HeaderParam("Content-Type") String contentType,
                                          InputStream body, @Context UriInfo uri) {
        Asset asset = files.upload(id, contentType, body);
        return Responses.ok(view(asset, uri), asset.version);
    }

    @POST
    @Path("{id}/uploaded")
    @Access(resource = ASSETS, action = "write", scope = MANAGE)
    @Operation(operationId = "confirmAssetUpload", summary = "Record that an asset's file has been uploaded",
            description = "After a PUT to a presigned upload.url: the service looks the file up in the store and "
                    + "records its size and checksum. Calling it again changes nothing.")
    @APIResponse(responseCode = "200", description = "The asset, uploaded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssetView.class)))
    @APIResponse(responseCode = "409", description = "No file is in the store for this asset yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<AssetView> confirm(@PathParam("id") UUID id, @Context UriInfo uri) {
        Asset asset = files.confirm(id);
        return Responses.ok(view(asset, uri), asset.version);
    }

    @GET
    @Path("{id}/content")
    @Produces(MediaType.WILDCARD)
    @Access(resource = ASSETS, action = "read", scope = READ)
    @Operation(operationId = "downloadAssetContent", summary = "Download an asset's file",
            description = "The file with its media type; with object storage, a 307 to a short-lived presigned URL.")
    @APIResponse(responseCode = "200", description = "The file",
            content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM,
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "307", description = "Fetch the file from this presigned URL (Location)")
    @APIResponse(responseCode = "409", description = "The asset has no file yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response download(@PathParam("id") UUID id, @Context UriInfo uri) {
        AssetFiles.Download download = files.download(id);
        Asset asset = download.asset();
        if (download.file().isEmpty()) {
            return Response.temporaryRedirect(store.download(asset, contentUrl(uri, asset.id)).url())
                    .header("Cache-Control", "no-store").build();
        }
        // User content on the API's origin: never sniffed into something else, never run as a page.
        return Response.ok(download.file().get().toFile(), asset.mimeType)
                .header("Content-Disposition", Disposition.of(asset.name, asset.mimeType))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("Cache-Control", "private, no-cache")
                .build();
    }

    private AssetView view(Asset asset, UriInfo uri) {
        URI content = contentUrl(uri, asset.id);
        boolean uploaded = asset.status == AssetStatus.UPLOADED;
        return new AssetView(asset.id, asset.assetType, asset.category, asset.name, asset.mimeType, asset.fileSize,
                List.of(asset.tags), asset.clientId, asset.projectId, asset.thumbnailUrl, asset.status,
                asset.storagePath, content, asset.checksumSha256, asset.uploadedAt,
                uploaded ? null : store.upload(asset, content), uploaded ? store.download(asset, content) : null,
                asset.createdAt, asset.updatedAt, asset.version);
    }

    private static URI contentUrl(UriInfo uri, UUID id) {
        return uri.getBaseUriBuilder().path(AssetResource.class).path(id.toString()).path("content").build();
    }

    private static String mimeFilter(String value) {
        String mime = value.strip().toLowerCase(java.util.Locale.ROOT);
        String whole = mime.endsWith("/*") ? mime.substring(0, mime.length() - 2) + "/x" : mime;
        if (!whole.matches(AssetDtos.MEDIA_TYPE)) {
            throw ProblemException.badField("mimeType", "must be a media type like image/png, or image/*");
        }
        return mime;
    }
}
