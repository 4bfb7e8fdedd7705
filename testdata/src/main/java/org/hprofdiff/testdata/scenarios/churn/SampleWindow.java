package org.hprofdiff.testdata.scenarios.churn;

import java.util.ArrayList;
import java.util.List;

/**
 * The samples of the current measurement window; each round replaces them with a window of a
 * different size, so the count goes up and down between dumps instead of growing.
 */
final class SampleWindow {

    private final List<Sample> samples = new ArrayList<>();

    void replaceWith(int count, long round) {
        samples.clear();
        for (int i = 0; i < count; i++) {
            samples.add(new Sample(round * 1_000_000L + i, Math.sin(i)));
        }
    }

    int size() {
        return samples.size();
    }
}
