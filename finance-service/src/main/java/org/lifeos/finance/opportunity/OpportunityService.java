package org.lifeos.finance.opportunity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.lifeos.finance.client.ClientService;
import org.lifeos.finance.FilteredQuery;
import org.lifeos.finance.money.Money;
import org.lifeos.finance.opportunity.OpportunityDtos.ConversionView;
import org.lifeos.finance.opportunity.OpportunityDtos.ConvertForm;
import org.lifeos.finance.opportunity.OpportunityDtos.OpportunityForm;
import org.lifeos.finance.opportunity.OpportunityDtos.OpportunityView;
import org.lifeos.finance.project.ProjectDtos.ProjectForm;
import org.lifeos.finance.project.ProjectDtos.ProjectView;
import org.lifeos.finance.project.ProjectService;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.ids.Ids;
import org.lifeos.platform.tenancy.ReadOnly;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * Upsell opportunities with the circle's clients (seed 001). Converting one makes a project of the
 * same client (name = title unless named, budget = value, in the opportunity's currency, status
 * planning) in the same transaction, and links it; a converted opportunity changes no more, and a
 * dismissed one is not converted (409 for both).
 */
@ApplicationScoped
public class OpportunityService {

    private final EntityManager entityManager;
    private final ClientService clients;
    private final ProjectService projects;
    private final TenantContext context;

    public OpportunityService(EntityManager entityManager, ClientService clients, ProjectService projects,
                              TenantContext context) {
        this.entityManager = entityManager;
        this.clients = clients;
        this.projects = projects;
        this.context = context;
    }

    @Transactional
    public OpportunityView create(OpportunityForm form) {
        Opportunity opportunity = new Opportunity();
        opportunity.id = Ids.next();
        opportunity.tenantId = context.circleId();
        opportunity.createdBy = context.userId();
        opportunity.createdAt = Instant.now();
        apply(opportunity, form);
        entityManager.persist(opportunity);
        entityManager.flush();
        return OpportunityView.of(opportunity);
    }

    @Transactional
    @ReadOnly
    public OpportunityView get(UUID id) {
        return OpportunityView.of(find(id, LockModeType.NONE));
    }

    @Transactional
    @ReadOnly
    public List<OpportunityView> list(Optional<UUID> clientId, Optional<Boolean> dismissed,
                                      Optional<Boolean> converted, Keyset keyset) {
        return FilteredQuery.of(Opportunity.class, "1 = 1")
                .and("clientId = :client", "client", clientId)
                .and("dismissed = :dismissed", "dismissed", dismissed)
                .and("converted = :converted", "converted", converted)
                .andIf(keyset.after(), "id > :after", () -> Map.of("after", keyset.uuid(0)))
                .list(entityManager, "id", keyset.fetch()).stream().map(OpportunityView::of).toList();
    }

    @Transactional
    public OpportunityView update(UUID id, String ifMatch, UnaryOperator<OpportunityForm> patch) {
        Opportunity opportunity = open(id, ifMatch);
        apply(opportunity, patch.apply(OpportunityForm.of(opportunity)));
        entityManager.flush();
        return OpportunityView.of(opportunity);
    }

    @Transactional
    public ConversionView convert(UUID id, String ifMatch, ConvertForm form) {
        Opportunity opportunity = open(id, ifMatch);
        if (opportunity.dismissed) {
            throw new ProblemException(ProblemType.CONFLICT, "Opportunity " + id
                    + " is dismissed; un-dismiss it before converting it");
        }
        ProjectForm project = new ProjectForm();
        project.clientId = opportunity.clientId;
        project.name = form.name == null || form.name.isBlank() ? opportunity.title : form.name;
        project.description = opportunity.description;
        project.currency = opportunity.currency;
        project.budget = opportunity.value == null ? null : Money.format(opportunity.value, opportunity.currency);
        ProjectView made = projects.create(project);
        opportunity.converted = true;
        opportunity.projectId = made.id();
        opportunity.convertedAt = Instant.now();
        opportunity.updatedAt = opportunity.convertedAt;
        entityManager.flush();
        return new ConversionView(OpportunityView.of(opportunity), made);
    }

    /** The opportunity, locked for a change, when it is not converted yet (409) and If-Match allows. */
    private Opportunity open(UUID id, String ifMatch) {
        Opportunity opportunity = ETags.matching(find(id, LockModeType.PESSIMISTIC_WRITE), ifMatch, o -> o.version);
        if (opportunity.converted) {
            throw new ProblemException(ProblemType.CONFLICT, "Opportunity " + id + " is already converted into project "
                    + opportunity.projectId);
        }
        return opportunity;
    }

    private Opportunity find(UUID id, LockModeType lock) {
        Opportunity opportunity = entityManager.find(Opportunity.class, id, lock);
        if (opportunity == null) {
            throw ProblemException.notFound("opportunity " + id);
        }
        return opportunity;
    }

    private void apply(Opportunity opportunity, OpportunityForm form) {
        Currency currency = clients.currencyFor(form.clientId, opportunity.clientId, form.currency);
        BigDecimal value = form.value == null ? null : Money.amount("value", form.value, currency, false);
        opportunity.clientId = form.clientId;
        opportunity.title = form.title.strip();
        opportunity.description = form.description;
        opportunity.currency = currency.getCurrencyCode();
        opportunity.value = value;
        opportunity.aiGenerated = form.aiGenerated;
        opportunity.dismissed = form.dismissed;
        opportunity.updatedAt = Instant.now();
    }
}
