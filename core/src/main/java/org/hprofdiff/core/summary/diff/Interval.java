package org.hprofdiff.core.summary.diff;

/**
 * The time between two consecutive dumps of the series.
 *
 * @param from    index of the earlier dump
 * @param to      index of the later dump ({@code from + 1})
 * @param millis  elapsed time from the headers' timestamps; null when either is missing or the later dump
 *                is not later (equal or out-of-order timestamps)
 */
public record Interval(int from, int to, Long millis) {

    /** Hours, or null when {@link #millis} is null. */
    public Double hours() {
        return millis == null ? null : millis / 3_600_000.0;
    }
}
