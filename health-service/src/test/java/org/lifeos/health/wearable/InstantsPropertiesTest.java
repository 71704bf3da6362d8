package org.lifeos.health.wearable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The fast path for the usual instant form gives what {@link Instant#parse} gives, or leaves the text to it. */
class InstantsPropertiesTest {

    @Property
    void theUsualFormIsReadAsInstantParseReadsIt(@ForAll @LongRange(min = -62_167_219_200L, max = 253_402_300_799L) long seconds,
                                                 @ForAll @IntRange(min = 0, max = 999_999_999) int nanos,
                                                 @ForAll @IntRange(min = 0, max = 9) int digits) {
        Instant instant = Instant.ofEpochSecond(seconds, nanos);
        String text = instant.toString().substring(0, 19);
        if (digits > 0) {
            text += "." + String.format("%09d", nanos).substring(0, digits);
        }
        text += "Z";
        assertEquals(Instant.parse(text), Instants.parseUsual(text), text);
    }

    @Property
    void anyOtherTextIsEitherTheSameInstantOrLeftToInstantParse(@ForAll("almostInstants") String text) {
        Instant usual = Instants.parseUsual(text);
        Instant expected;
        try {
            expected = Instant.parse(text);
        } catch (DateTimeParseException e) {
            assertNull(usual, text + " is not an instant");
            return;
        }
        if (usual != null) {
            assertEquals(expected, usual, text);
        }
    }

    @Example
    void whatTheFastPathLeavesToInstantParse() {
        for (String text : new String[] {"2026-03-02T07:15:00+01:00", "2026-03-02t07:15:00z", "2026-12-31T23:59:60Z",
                "2026-03-02T24:00:00Z", "+12026-03-02T07:15:00Z", "2026-02-29T07:15:00Z", "2026-03-02T07:15:00.Z",
                "2026-03-02T07:15:00.1234567890Z", "2026-03-02T07:15Z"}) {
            assertNull(Instants.parseUsual(text), text);
        }
        assertEquals(Instant.parse("2024-02-29T23:59:59.5Z"), Instants.parseUsual("2024-02-29T23:59:59.5Z"));
    }

    /** Valid usual instants with one character changed, dropped or added: digits, separators, letters. */
    @Provide
    Arbitrary<String> almostInstants() {
        Arbitrary<String> valid = Arbitraries.longs().between(-62_167_219_200L, 253_402_300_799L)
                .map(s -> Instant.ofEpochSecond(s).toString());
        Arbitrary<Character> chars = Arbitraries.of('0', '1', '2', '3', '5', '9', '-', ':', '.', 'T', 'Z', 't', 'z', '+', ' ');
        return net.jqwik.api.Combinators.combine(valid, Arbitraries.integers().between(0, 30), chars,
                Arbitraries.integers().between(0, 2)).as((text, at, c, how) -> {
                    int i = Math.min(at, text.length() - 1);
                    return switch (how) {
                        case 0 -> text.substring(0, i) + c + text.substring(i + 1);
                        case 1 -> text.substring(0, i) + text.substring(i + 1);
                        default -> text.substring(0, i) + c + text.substring(i);
                    };
                });
    }
}
