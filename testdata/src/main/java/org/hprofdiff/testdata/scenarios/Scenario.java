package org.hprofdiff.testdata.scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import org.hprofdiff.testdata.scenarios.churn.BenignChurn;
import org.hprofdiff.testdata.scenarios.incident.ConnectionReaperLeak;
import org.hprofdiff.testdata.scenarios.listeners.ListenerLeak;
import org.hprofdiff.testdata.scenarios.threadlocal.ThreadLocalLeak;

/**
 * The programs a child JVM can run; each is a leak (or none) plus the same {@link BenignChurn}.
 * See the package documentation for each one's object graph and numbers.
 */
public enum Scenario {

    /** The incident: leaked HTTP connection pools held by a static reaper registry. */
    CONNECTION_REAPER("connection-reaper", "partition writers", ConnectionReaperLeak.DEFAULT_WRITERS_PER_ROUND,
            ConnectionReaperLeak::new),
    /** Per-request thread-locals never removed from pool threads. */
    THREADLOCAL("threadlocal", "requests", ThreadLocalLeak.DEFAULT_REQUESTS_PER_ROUND, ThreadLocalLeak::new),
    /** Listeners registered with a static event bus and never unregistered. */
    LISTENERS("listeners", "dashboard widgets", ListenerLeak.DEFAULT_WIDGETS_PER_ROUND, ListenerLeak::new),
    /** No leak: only the benign churn. */
    CONTROL("control", "nothing", 0, leakPerRound -> Workload.NONE);

    private final String id;
    private final String leakUnit;
    private final int defaultLeakPerRound;
    private final IntFunction<Workload> leak;

    Scenario(String id, String leakUnit, int defaultLeakPerRound, IntFunction<Workload> leak) {
        this.id = id;
        this.leakUnit = leakUnit;
        this.defaultLeakPerRound = defaultLeakPerRound;
        this.leak = leak;
    }

    /** The name on the command line and in file names: {@code connection-reaper}, ... */
    public String id() {
        return id;
    }

    /** What one unit of {@code leakPerRound} is: "partition writers", "requests", ... */
    public String leakUnit() {
        return leakUnit;
    }

    /** Units leaked per round when the run does not say. */
    public int defaultLeakPerRound() {
        return defaultLeakPerRound;
    }

    /** The leaking part alone, leaking {@code leakPerRound} units per round. */
    public Workload newLeak(int leakPerRound) {
        return leak.apply(leakPerRound);
    }

    /** What the child runs: the leak, then the benign churn, each round. */
    public Workload newWorkload(int leakPerRound) {
        return new CombinedWorkload(List.of(newLeak(leakPerRound), new BenignChurn()));
    }

    /** The designed counts after each of rounds 1..{@code rounds}, leak and churn. */
    public List<ExpectedCount> expectedCounts(int leakPerRound, int rounds) {
        return newWorkload(leakPerRound).expectedCounts(rounds);
    }

    /** The scenario called {@code id}. */
    public static Scenario fromId(String id) {
        for (Scenario scenario : values()) {
            if (scenario.id.equals(id)) {
                return scenario;
            }
        }
        List<String> known = new ArrayList<>();
        for (Scenario scenario : values()) {
            known.add(scenario.id);
        }
        throw new IllegalArgumentException("unknown scenario '" + id + "'; known: " + String.join(", ", known));
    }
}
