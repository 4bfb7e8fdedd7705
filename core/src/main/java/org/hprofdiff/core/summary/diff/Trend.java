package org.hprofdiff.core.summary.diff;

/**
 * What a row's numbers did across the series, decided from its {@link Step}s (one per interval between
 * consecutive dumps; a step is UP or DOWN only when the change exceeds the {@link NoiseFloor}) and from
 * whether the row has instances in the first and last dump. The rules are checked in this order and
 * the first that applies wins (see {@link TrendRules}):
 * <ol>
 *   <li>every step UP: {@link #STEADY_GROWTH}</li>
 *   <li>no instances in the first dump, some in the last: {@link #NEW}</li>
 *   <li>instances in the first dump, none in the last: {@link #GONE}</li>
 *   <li>any step MIXED, or steps both UP and DOWN: {@link #NOISE}</li>
 *   <li>some step DOWN (so none UP): {@link #SHRINKING}</li>
 *   <li>every step FLAT: {@link #FLAT}</li>
 *   <li>only UP and FLAT steps, the last one UP: {@link #INTERMITTENT_GROWTH}</li>
 *   <li>only UP and FLAT steps, the first UP and all later FLAT: {@link #STARTUP_GROWTH}</li>
 *   <li>only UP and FLAT steps, ending FLAT: {@link #PLATEAU}</li>
 * </ol>
 * The declaration order below is the order in which reports list rows: leak suspects first, then the
 * kinds of growth that are not, then the rest. A row of a partial dump whose class loader was lost and that
 * matches no class of the other dumps is {@link #LOADER_LOST}, whatever its steps.
 */
public enum Trend {

    /** Grew in every interval (with two dumps: grew). The only trend in the leak ranking. */
    STEADY_GROWTH("steady growth"),

    /**
     * Grew in the last interval and in some earlier ones or none, flat in the others, never shrank
     * (e.g. up, flat, up). Possibly a leak with an irregular cadence: worth watching, not ranked.
     */
    INTERMITTENT_GROWTH("intermittent growth"),

    /** No instances in the first dump, some in the last, and not steady growth (e.g. 0 → 500 → 500). */
    NEW("new"),

    /** Grew in one or more intervals and then stayed flat to the end, never shrank, and is not start-up growth (e.g. up, up, flat). */
    PLATEAU("plateau"),

    /** Grew in the first interval only and stayed flat after it (needs 3+ dumps): a cache or pool filling once. */
    STARTUP_GROWTH("one-time start-up growth"),

    /** Grew in some intervals and shrank in others (or count and bytes moved in opposite directions). */
    NOISE("up-and-down noise"),

    /** Shrank in at least one interval, never grew. */
    SHRINKING("shrinking"),

    /** Instances in the first dump, none in the last. */
    GONE("gone"),

    /** No interval changed by more than the noise floor. */
    FLAT("flat"),

    /**
     * Not compared: in a partial dump the class's loader was in the part that was lost, and no single class of
     * that name in the other dumps is its counterpart (see {@code LostLoaders}). Decided before the rules above.
     */
    LOADER_LOST("loader lost in a partial dump, not compared");

    private final String label;

    Trend(String label) { this.label = label; }

    /** Words for reports, e.g. "one-time start-up growth". */
    public String label() { return label; }

    /** True only for {@link #STEADY_GROWTH}: the rows that count towards "leak suspected" and CI thresholds. */
    public boolean leakSuspect() { return this == STEADY_GROWTH; }
}
