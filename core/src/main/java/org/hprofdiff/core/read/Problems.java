package org.hprofdiff.core.read;

import java.util.ArrayList;
import java.util.List;

/** Collects problems found while reading, keeping the first {@link #MAX_KEPT} and counting the rest. */
final class Problems {
    static final int MAX_KEPT = 100;
    private final List<ReadResult.Problem> kept = new ArrayList<>();
    private long dropped;

    void add(long offset, String message) {
        if (kept.size() < MAX_KEPT) kept.add(new ReadResult.Problem(offset, message));
        else dropped++;
    }

    List<ReadResult.Problem> list() {
        if (dropped == 0) return List.copyOf(kept);
        List<ReadResult.Problem> all = new ArrayList<>(kept);
        all.add(new ReadResult.Problem(-1, "... and " + dropped + " more problems"));
        return List.copyOf(all);
    }
}
