package org.lifeos.content.weekly;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.lifeos.content.common.ContentPlatform;
import org.lifeos.content.common.DateRange;
import org.lifeos.content.common.Money;
import org.lifeos.content.metrics.RollupService;
import org.lifeos.content.weekly.PlatformWeekDtos.ItemsRollup;
import org.lifeos.content.weekly.PlatformWeekDtos.PlatformWeekForm;
import org.lifeos.content.weekly.PlatformWeekDtos.PlatformWeekView;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.ids.Ids;
import org.lifeos.platform.tenancy.TenantContext;

/** Per platform per ISO week: stored account numbers, upserted idempotently, next to the items' rollup. */
@ApplicationScoped
public class PlatformWeekService {

    /** The stored weeks of the current circle. */
    @ApplicationScoped
    public static class Weeks implements PanacheRepositoryBase<PlatformWeek, UUID> {
    }

    /** The result of an upsert: the stored week and whether this request created it. */
    public record Upserted(PlatformWeek week, boolean created) {
    }

    private final Weeks weeks;
    private final RollupService rollups;
    private final TenantContext context;

    public PlatformWeekService(Weeks weeks, RollupService rollups, TenantContext context) {
        this.weeks = weeks;
        this.rollups = rollups;
        this.context = context;
    }

    @Transactional
    public Upserted put(ContentPlatform platform, IsoWeek week, String ifMatch, PlatformWeekForm form) {
        BigDecimal revenue = form.revenue == null ? null : Money.amount("revenue", form.revenue);
        String currency = form.currency == null ? null : Money.currency("currency", form.currency);
        if ((revenue == null) != (currency == null)) {
            throw ProblemException.badField(revenue == null ? "revenue" : "currency",
                    "revenue and currency come together");
        }
        Optional<PlatformWeek> existing = stored(platform, week);
        existing.ifPresent(w -> ETags.requireMatch(ifMatch, w.version));
        PlatformWeek row = existing.orElseGet(() -> {
            PlatformWeek fresh = new PlatformWeek();
            fresh.id = Ids.next();
            fresh.tenantId = context.circleId();
            fresh.platform = platform;
            fresh.week = week.key();
            fresh.createdBy = context.userId();
            fresh.createdAt = Instant.now();
            return fresh;
        });
        boolean same = existing.isPresent() && Objects.equals(row.followers, form.followers)
                && Objects.equals(row.reach, form.reach) && Objects.equals(row.impressions, form.impressions)
                && (row.revenue == null ? revenue == null : revenue != null && row.revenue.compareTo(revenue) == 0)
                && Objects.equals(row.currency, currency);
        if (same) {
            return new Upserted(row, false);
        }
        row.followers = form.followers;
        row.reach = form.reach;
        row.impressions = form.impressions;
        row.revenue = revenue;
        row.currency = currency;
        row.updatedAt = Instant.now();
        if (existing.isEmpty()) {
            weeks.persist(row);
        }
        weeks.flush();
        return new Upserted(row, existing.isEmpty());
    }

    @Transactional
    public PlatformWeekView view(ContentPlatform platform, IsoWeek week) {
        return view(platform, week, stored(platform, week).orElse(null));
    }

    @Transactional
    public PlatformWeekView view(ContentPlatform platform, IsoWeek week, PlatformWeek row) {
        RollupService.Sums sums = rollups.platform(platform, new DateRange(Optional.of(week.monday()),
                Optional.of(week.sunday())));
        ItemsRollup items = new ItemsRollup(sums.items(), sums.views(), sums.engagements(), sums.engagementRate(),
                sums.subscribersGained(), sums.revenue());
        return row == null
                ? new PlatformWeekView(platform, week.key(), week.monday(), week.sunday(), null, null, null, null, null,
                null, items)
                : new PlatformWeekView(platform, week.key(), week.monday(), week.sunday(), row.followers, row.reach,
                row.impressions, Money.text(row.revenue), row.currency, row.version, items);
    }

    private Optional<PlatformWeek> stored(ContentPlatform platform, IsoWeek week) {
        return weeks.find("platform = ?1 and week = ?2", platform, week.key()).firstResultOptional();
    }
}
