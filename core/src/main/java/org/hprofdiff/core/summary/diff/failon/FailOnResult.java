package org.hprofdiff.core.summary.diff.failon;

import java.util.List;

/**
 * What {@link FailOn#evaluate} found.
 *
 * @param breaches   one per threshold and steady grower that exceeds it, in threshold order then leak rank
 * @param unchecked  thresholds that could not be checked, one line each with the reason (e.g. a rate
 *                   threshold on dumps without timestamps); the caller decides whether that is an error
 */
public record FailOnResult(List<Breach> breaches, List<String> unchecked) {

    public FailOnResult {
        breaches = List.copyOf(breaches);
        unchecked = List.copyOf(unchecked);
    }

    /** True when at least one threshold was breached (the CLI exits with 1). */
    public boolean failed() {
        return !breaches.isEmpty();
    }
}
