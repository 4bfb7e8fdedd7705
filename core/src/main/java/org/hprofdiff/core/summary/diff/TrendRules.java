package org.hprofdiff.core.summary.diff;

import java.util.List;

/** The classification rules of {@link Trend}, in the order its documentation lists them. */
final class TrendRules {

    private TrendRules() {}

    static Trend classify(List<Step> steps, boolean presentFirst, boolean presentLast) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a trend needs at least one interval");
        }
        if (steps.stream().allMatch(step -> step == Step.UP)) return Trend.STEADY_GROWTH;
        if (!presentFirst && presentLast) return Trend.NEW;
        if (presentFirst && !presentLast) return Trend.GONE;
        boolean up = steps.contains(Step.UP);
        boolean down = steps.contains(Step.DOWN);
        if (steps.contains(Step.MIXED) || up && down) return Trend.NOISE;
        if (down) return Trend.SHRINKING;
        if (!up) return Trend.FLAT;
        // Only UP and FLAT from here on.
        if (steps.getLast() == Step.UP) return Trend.INTERMITTENT_GROWTH;
        if (steps.getFirst() == Step.UP && steps.subList(1, steps.size()).stream().allMatch(step -> step == Step.FLAT)) {
            return Trend.STARTUP_GROWTH;
        }
        return Trend.PLATEAU;
    }
}
