package org.lifeos.finance.ledger;

import static org.lifeos.finance.FinanceResources.READ;
import static org.lifeos.finance.FinanceResources.TRANSACTIONS;
import static org.lifeos.finance.FinanceResources.WRITE;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Responses;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.ids.Ids;
import org.lifeos.platform.tenancy.Access;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * Receipts of a transaction: links (https) to where each document is kept, oldest first. A
 * transaction of another circle is a 404; a voided one still takes its receipts (the row stays).
 */
@Path("/api/v1/transactions/{id}/receipts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReceiptResource {

    public static class ReceiptForm {
        @NotBlank
        @Size(max = 2000)
        @Schema(description = "An https URL of the stored document", example = "https://files.example.com/r/123.pdf")
        public String documentUrl;
    }

    public record ReceiptView(UUID id, UUID transactionId, String documentUrl, UUID createdBy, Instant createdAt) {
        static ReceiptView of(TransactionReceipt r) {
            return new ReceiptView(r.id, r.transactionId, r.documentUrl, r.createdBy, r.createdAt);
        }
    }

    private final TransactionService transactions;
    private final EntityManager entityManager;
    private final TenantContext context;
    private final Forms forms;

    public ReceiptResource(TransactionService transactions, EntityManager entityManager, TenantContext context,
                           Forms forms) {
        this.transactions = transactions;
        this.entityManager = entityManager;
        this.context = context;
        this.forms = forms;
    }

    @GET
    @Access(resource = TRANSACTIONS, action = "read", scope = READ)
    @Operation(operationId = "listTransactionReceipts", summary = "A transaction's receipts, oldest first")
    @Transactional
    public List<ReceiptView> list(@PathParam("id") UUID id) {
        transactions.get(id);
        return entityManager.createQuery("from TransactionReceipt where transactionId = :id order by createdAt, id",
                TransactionReceipt.class).setParameter("id", id).getResultStream().map(ReceiptView::of).toList();
    }

    @POST
    @Access(resource = TRANSACTIONS, action = "write", scope = WRITE)
    @Operation(operationId = "addTransactionReceipt", summary = "Attach a receipt (a link to the stored document)")
    @APIResponse(responseCode = "201", description = "The receipt",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReceiptView.class)))
    @Transactional
    public RestResponse<ReceiptView> add(@PathParam("id") UUID id, JsonNode body, @Context UriInfo uri) {
        ReceiptForm form = forms.create(body, ReceiptForm.class);
        String url = https(form.documentUrl);
        transactions.get(id);
        TransactionReceipt receipt = new TransactionReceipt();
        receipt.id = Ids.next();
        receipt.tenantId = context.circleId();
        receipt.transactionId = id;
        receipt.documentUrl = url;
        receipt.createdBy = context.userId();
        receipt.createdAt = Instant.now();
        entityManager.persist(receipt);
        entityManager.flush();
        return Responses.created(uri, receipt.id, ReceiptView.of(receipt));
    }

    private static String https(String text) {
        try {
            URI url = new URI(text.strip());
            if (!"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null || url.getUserInfo() != null) {
                throw ProblemException.badField("documentUrl", "must be an https URL with a host and no user info");
            }
            return url.toString();
        } catch (URISyntaxException e) {
            throw ProblemException.badField("documentUrl", "is not a URL: " + e.getReason());
        }
    }
}
