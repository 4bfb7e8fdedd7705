package org.hprofdiff.testdata.scenarios;

import java.util.ArrayList;
import java.util.List;

/** Runs several workloads in order each round; their expectations are concatenated. */
final class CombinedWorkload implements Workload {

    private final List<Workload> parts;

    CombinedWorkload(List<Workload> parts) {
        this.parts = List.copyOf(parts);
    }

    @Override
    public void runRound(int round) throws InterruptedException {
        for (Workload part : parts) {
            part.runRound(round);
        }
    }

    @Override
    public List<ExpectedCount> expectedCounts(int rounds) {
        List<ExpectedCount> all = new ArrayList<>();
        for (Workload part : parts) {
            all.addAll(part.expectedCounts(rounds));
        }
        return all;
    }
}
