package org.hprofdiff.core.summary.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TrendRulesTest {

    /** Steps as letters: U up, D down, F flat, M mixed; presence of instances in the first and last dump. */
    @ParameterizedTest(name = "{0} first={1} last={2} -> {3}")
    @CsvSource({
            "U,     true,  true,  STEADY_GROWTH",       // two dumps: grew is enough
            "UU,    true,  true,  STEADY_GROWTH",
            "UUUU,  true,  true,  STEADY_GROWTH",
            "UU,    false, true,  STEADY_GROWTH",       // appeared after dump 1 and kept growing
            "FU,    false, true,  NEW",
            "U,     false, true,  STEADY_GROWTH",
            "F,     false, true,  NEW",                 // a few instances appeared, below the floor
            "UF,    false, true,  NEW",
            "D,     true,  false, GONE",
            "FD,    true,  false, GONE",
            "UD,    true,  true,  NOISE",
            "DU,    true,  true,  NOISE",
            "UDU,   true,  true,  NOISE",
            "M,     true,  true,  NOISE",
            "FM,    true,  true,  NOISE",
            "D,     true,  true,  SHRINKING",
            "FDF,   true,  true,  SHRINKING",
            "F,     true,  true,  FLAT",
            "FFF,   true,  true,  FLAT",
            "F,     false, false, FLAT",
            "UD,    false, false, NOISE",               // 0 -> 500 -> 0
            "UFU,   true,  true,  INTERMITTENT_GROWTH",
            "FU,    true,  true,  INTERMITTENT_GROWTH",
            "FFU,   true,  true,  INTERMITTENT_GROWTH",
            "UF,    true,  true,  STARTUP_GROWTH",
            "UFF,   true,  true,  STARTUP_GROWTH",
            "UUF,   true,  true,  PLATEAU",
            "FUF,   true,  true,  PLATEAU",
            "UFUF,  true,  true,  PLATEAU",
    })
    void classifiesByTheDocumentedRules(String letters, boolean first, boolean last, Trend expected) {
        assertEquals(expected, TrendRules.classify(steps(letters), first, last));
    }

    @Test
    void needsAnInterval() {
        assertThrows(IllegalArgumentException.class, () -> TrendRules.classify(List.of(), true, true));
    }

    private static List<Step> steps(String letters) {
        return Arrays.stream(letters.split("")).map(letter -> switch (letter) {
            case "U" -> Step.UP;
            case "D" -> Step.DOWN;
            case "F" -> Step.FLAT;
            case "M" -> Step.MIXED;
            default -> throw new IllegalArgumentException(letter);
        }).toList();
    }
}
