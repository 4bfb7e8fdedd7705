package org.hprofdiff.testdata.scenarios;

import java.util.List;

/**
 * One part of what a scenario's child JVM does, round by round: a leak, or the benign churn that
 * every scenario carries. Constructors do nothing observable; all allocation happens in
 * {@link #runRound}, so {@link #expectedCounts} can be asked on the parent side too.
 */
public interface Workload {

    /** A workload that keeps nothing: the leak part of the {@code control} scenario. */
    Workload NONE = new Workload() {
        @Override
        public void runRound(int round) {
        }

        @Override
        public List<ExpectedCount> expectedCounts(int rounds) {
            return List.of();
        }
    };

    /**
     * Does round {@code round} (1, 2, ...). When it returns, what the round keeps is reachable and
     * everything else it allocated is garbage, so a full GC leaves exactly the designed counts.
     */
    void runRound(int round) throws InterruptedException;

    /** What a histogram taken after each of rounds 1..{@code rounds} shows of this workload. */
    List<ExpectedCount> expectedCounts(int rounds);

    /** The class loaders this workload makes, after each of rounds 1..{@code rounds}; none by default. */
    default List<ExpectedLoaders> expectedLoaders(int rounds) {
        return List.of();
    }
}
