package org.hprofdiff.core.summary.diff;

/**
 * One row's numbers in one dump.
 *
 * @param present        the dump has instances of this row (a row it lacks, or a row with 0 instances,
 *                       is absent and counted as 0)
 * @param instances      objects
 * @param shallowBytes   their shallow bytes
 * @param retainedBytes  retained bytes, or null when that dump's summary has none (no dominator tree yet)
 */
public record Sample(boolean present, long instances, long shallowBytes, Long retainedBytes) {

    /** A row the dump does not have; {@code retainedKnown} says whether the dump has retained sizes at all (then it is 0). */
    public static Sample absent(boolean retainedKnown) {
        return new Sample(false, 0, 0, retainedKnown ? 0L : null);
    }
}
