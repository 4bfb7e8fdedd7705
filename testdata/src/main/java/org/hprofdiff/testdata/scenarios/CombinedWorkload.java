package org.hprofdiff.testdata.scenarios;

import java.util.ArrayList;
import java.util.List;

/** Runs several workloads in order each round; their expectations are concatenated. */
public final class CombinedWorkload implements Workload {

    private final List<Workload> parts;

    public CombinedWorkload(List<Workload> parts) {
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

    @Override
    public List<ExpectedLoaders> expectedLoaders(int rounds) {
        List<ExpectedLoaders> all = new ArrayList<>();
        for (Workload part : parts) {
            all.addAll(part.expectedLoaders(rounds));
        }
        return all;
    }
}
