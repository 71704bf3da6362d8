package org.lifeos.content.common;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Engagement rate, comparable across platforms: (likes + comments + shares + saves) ÷ views, to
 * four decimals. With no views there is no rate: null, never a division error or a made-up zero.
 */
public final class Engagement {

    private Engagement() {
    }

    public static BigDecimal rate(long engagements, long views) {
        return views == 0 ? null : BigDecimal.valueOf(engagements).divide(BigDecimal.valueOf(views), 4,
                RoundingMode.HALF_EVEN);
    }
}
