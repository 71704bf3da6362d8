package org.lifeos.finance.category;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.lifeos.finance.category.CategoryDtos.CategoryForm;
import org.lifeos.finance.category.CategoryDtos.RuleForm;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.Problem;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.ids.Ids;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * Categories and payee rules. A circle's system categories ({@link #SYSTEM}) are seeded the first
 * time it uses categories (listing them, or a write that names or looks one up); they cannot be
 * renamed or removed. A circle's own category can be removed while nothing refers to it.
 */
@ApplicationScoped
public class CategoryService {

    /** The system categories every circle starts with. */
    public static final List<String> SYSTEM = List.of("Income", "Salary", "Groceries", "Rent", "Utilities",
            "Transport", "Eating out", "Health", "Entertainment", "Shopping", "Travel", "Fees", "Transfers", "Other");

    private final EntityManager entityManager;
    private final TenantContext context;

    public CategoryService(EntityManager entityManager, TenantContext context) {
        this.entityManager = entityManager;
        this.context = context;
    }

    /** Seeds the circle's system categories when it has none yet; idempotent under concurrency. */
    @Transactional
    public void seed() {
        Number present = (Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM categories WHERE system_defined").getSingleResult();
        if (present.intValue() >= SYSTEM.size()) {
            return;
        }
        for (String name : SYSTEM) {
            entityManager.createNativeQuery("""
                            INSERT INTO categories (id, tenant_id, name, system_defined, created_at, updated_at)
                            VALUES (?1, ?2, ?3, true, now(), now()) ON CONFLICT DO NOTHING""")
                    .setParameter(1, Ids.next()).setParameter(2, context.circleId()).setParameter(3, name)
                    .executeUpdate();
        }
    }

    @Transactional
    public List<Category> list(Keyset keyset) {
        seed();
        var query = entityManager.createQuery("from Category" + (keyset.after()
                ? " where lower(name) > :after" : "") + " order by lower(name)", Category.class);
        if (keyset.after()) {
            query.setParameter("after", keyset.string(0));
        }
        return query.setMaxResults(keyset.fetch()).getResultList();
    }

    @Transactional
    public Category get(UUID id) {
        seed();
        return Optional.ofNullable(entityManager.find(Category.class, id))
                .orElseThrow(() -> ProblemException.notFound("category " + id));
    }

    /** The circle's category {@code id} for a reference in {@code field}, or a 400 naming it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Category reference(String field, UUID id) {
        seed();
        Category category = entityManager.find(Category.class, id);
        if (category == null) {
            throw ProblemException.badField(field, "no such category in this circle");
        }
        return category;
    }

    @Transactional
    public Category create(CategoryForm form) {
        seed();
        Category category = new Category();
        category.id = Ids.next();
        category.tenantId = context.circleId();
        category.createdAt = Instant.now();
        category.updatedAt = category.createdAt;
        category.name = uniqueName(form.name, null);
        entityManager.persist(category);
        entityManager.flush();
        return category;
    }

    @Transactional
    public Category rename(UUID id, String ifMatch, UnaryOperator<CategoryForm> patch) {
        Category category = ETags.matching(get(id), ifMatch, c -> c.version);
        if (category.systemDefined) {
            throw new ProblemException(ProblemType.CONFLICT, "System category " + id + " cannot be changed");
        }
        CategoryForm form = new CategoryForm();
        form.name = category.name;
        category.name = uniqueName(patch.apply(form).name, id);
        category.updatedAt = Instant.now();
        entityManager.flush();
        return category;
    }

    @Transactional
    public void delete(UUID id) {
        Category category = get(id);
        if (category.systemDefined) {
            throw new ProblemException(ProblemType.CONFLICT, "System category " + id + " cannot be removed");
        }
        Number uses = (Number) entityManager.createNativeQuery("""
                        SELECT (SELECT count(*) FROM transactions WHERE category_id = ?1)
                             + (SELECT count(*) FROM category_rules WHERE category_id = ?1)
                             + (SELECT count(*) FROM budgets WHERE category_id = ?1)
                             + (SELECT count(*) FROM trip_budgets WHERE category_id = ?1)""")
                .setParameter(1, id).getSingleResult();
        if (uses.longValue() > 0) {
            throw new ProblemException(ProblemType.CONFLICT, "Category " + id + " is used by " + uses
                    + " transaction(s), rule(s), budget(s) or trip budget(s); it stays");
        }
        entityManager.remove(category);
    }

    @Transactional
    public List<CategoryRule> rules(Keyset keyset) {
        var query = entityManager.createQuery("from CategoryRule" + (keyset.after()
                ? " where priority > :priority or (priority = :priority and id > :id)" : "")
                + " order by priority, id", CategoryRule.class);
        if (keyset.after()) {
            query.setParameter("priority", keyset.integer(0)).setParameter("id", keyset.uuid(1));
        }
        return query.setMaxResults(keyset.fetch()).getResultList();
    }

    @Transactional
    public CategoryRule rule(UUID id) {
        return Optional.ofNullable(entityManager.find(CategoryRule.class, id))
                .orElseThrow(() -> ProblemException.notFound("category rule " + id));
    }

    @Transactional
    public CategoryRule createRule(RuleForm form) {
        CategoryRule rule = new CategoryRule();
        rule.id = Ids.next();
        rule.tenantId = context.circleId();
        rule.createdAt = Instant.now();
        applyRule(rule, form);
        entityManager.persist(rule);
        entityManager.flush();
        return rule;
    }

    @Transactional
    public CategoryRule updateRule(UUID id, String ifMatch, UnaryOperator<RuleForm> patch) {
        CategoryRule rule = ETags.matching(rule(id), ifMatch, r -> r.version);
        applyRule(rule, patch.apply(RuleForm.of(rule)));
        entityManager.flush();
        return rule;
    }

    @Transactional
    public void deleteRule(UUID id) {
        entityManager.remove(rule(id));
    }

    /** The category the circle's rules give a payee (the first match by priority), if any. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> categorise(String payee) {
        return categoriser().apply(payee);
    }

    /**
     * The circle's rules as they are now, read once: what {@link #categorise} answers, for an
     * import's many payees without a query per row.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Function<String, Optional<UUID>> categoriser() {
        List<CategoryRule> rules = entityManager.createQuery("from CategoryRule order by priority, id",
                CategoryRule.class).getResultList();
        return payee -> {
            if (payee == null || payee.isBlank()) {
                return Optional.empty();
            }
            String lower = payee.toLowerCase(Locale.ROOT);
            return rules.stream().filter(rule -> lower.contains(rule.payeePattern.toLowerCase(Locale.ROOT)))
                    .map(rule -> rule.categoryId).findFirst();
        };
    }

    public static List<Object> sortKey(Category category) {
        return List.of(category.name.toLowerCase(Locale.ROOT));
    }

    public static List<Object> sortKey(CategoryRule rule) {
        return List.of(rule.priority, rule.id);
    }

    private void applyRule(CategoryRule rule, RuleForm form) {
        reference("categoryId", form.categoryId);
        rule.payeePattern = form.payeePattern.strip();
        rule.categoryId = form.categoryId;
        rule.priority = form.priority;
        rule.updatedAt = Instant.now();
    }

    private String uniqueName(String name, UUID self) {
        String stripped = name.strip();
        List<Category> same = entityManager.createQuery("from Category where lower(name) = :name", Category.class)
                .setParameter("name", stripped.toLowerCase(Locale.ROOT)).getResultList();
        if (same.stream().anyMatch(c -> !c.id.equals(self))) {
            throw new ProblemException(ProblemType.CONFLICT, "The circle already has a category named " + stripped,
                    List.of(new Problem.FieldError("name", "is taken")));
        }
        return stripped;
    }
}
