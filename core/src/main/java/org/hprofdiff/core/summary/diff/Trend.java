package org.hprofdiff.core.summary.diff;

/**
 * What a row's numbers did across the series, decided from its {@link Step}s (one per interval between
 * consecutive dumps). Rules are checked in the order below; the first that applies wins. A "step" is UP
 * or DOWN only when the change exceeds the {@link NoiseFloor}; smaller changes are FLAT.
 *
 * <p>The declaration order is also the order in which rows are listed: leak suspects first.
 */
public enum Trend {

    /** Grew in every interval (with two dumps: grew). The only trend in the leak ranking. */
    STEADY_GROWTH("steady growth"),

    /** No instances in the first dump, some in the last, and not steady growth (e.g. 0 → 0 → 500). */
    NEW("new"),

    /** Present in the first dump, no instances in the last. */
    GONE("gone"),

    /**
     * Grew in the last interval and in some earlier ones, flat in the others, never shrank
     * (e.g. up, flat, up). Possibly a leak with an irregular cadence: worth watching, not ranked.
     */
    INTERMITTENT_GROWTH("intermittent growth"),

    /** Grew in one or more intervals, then stayed flat to the end, never shrank, and is not start-up growth (e.g. up, up, flat). */
    PLATEAU("plateau"),

    /** Grew in the first interval only and stayed flat after it (needs 3+ dumps): a cache or pool filling once. */
    STARTUP_GROWTH("one-time start-up growth"),

    /** Grew in some intervals and shrank in others (or count and bytes moved in opposite directions). */
    NOISE("up-and-down noise"),

    /** Shrank in at least one interval, never grew. */
    SHRINKING("shrinking"),

    /** No interval changed by more than the noise floor. */
    FLAT("flat");

    private final String label;

    Trend(String label) { this.label = label; }

    /** Words for reports, e.g. "one-time start-up growth". */
    public String label() { return label; }

    /** True only for {@link #STEADY_GROWTH}: the rows that count towards "leak suspected" and CI thresholds. */
    public boolean leakSuspect() { return this == STEADY_GROWTH; }
}
