package org.lifeos.content.asset;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;
import org.lifeos.platform.db.LowerCaseEnumConverter;

/** Whether an asset's file has arrived: {@code pending} from creation until its upload is recorded. */
public enum AssetStatus {
    PENDING, UPLOADED;

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static class Converter extends LowerCaseEnumConverter<AssetStatus> {
        public Converter() {
            super(AssetStatus.class);
        }
    }
}
