package org.hprofdiff.testdata.scenarios;

import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;

import org.hprofdiff.testdata.scenarios.churn.BenignChurn;
import org.hprofdiff.testdata.scenarios.incident.ConnectionReaperLeak;
import org.hprofdiff.testdata.scenarios.listeners.ListenerLeak;
import org.hprofdiff.testdata.scenarios.threadlocal.ThreadLocalLeak;

/**
 * The self-contained programs a child JVM can run (look-alikes of real leaks, made of testdata's own
 * classes only, so the demo's jar can run them); each is a leak (or none) plus the same
 * {@link BenignChurn}. See the package documentation for each one's object graph and numbers, and
 * {@link RealWorldScenario} for the ones built on real library code.
 */
public enum Scenario implements ScenarioProgram {

    // Lambdas, not constructor references: a constructor reference links its class when the enum is
    // initialised, a lambda only when it runs, so the demo's jar (cli's pom) needs only the look-alike it runs.
    /** The incident: leaked HTTP connection pools held by a static reaper registry. */
    CONNECTION_REAPER("connection-reaper", "partition writers", ConnectionReaperLeak.DEFAULT_WRITERS_PER_ROUND,
            writers -> new ConnectionReaperLeak(writers)),
    /** Per-request thread-locals never removed from pool threads. */
    THREADLOCAL("threadlocal", "requests", ThreadLocalLeak.DEFAULT_REQUESTS_PER_ROUND,
            requests -> new ThreadLocalLeak(requests)),
    /** Listeners registered with a static event bus and never unregistered. */
    LISTENERS("listeners", "dashboard widgets", ListenerLeak.DEFAULT_WIDGETS_PER_ROUND,
            widgets -> new ListenerLeak(widgets)),
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

    @Override
    public String id() {
        return id;
    }

    @Override
    public String leakUnit() {
        return leakUnit;
    }

    @Override
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

    @Override
    public Workload newWorkload(int leakPerRound, Path workDir) {
        return newWorkload(leakPerRound);
    }

    /** The designed counts after each of rounds 1..{@code rounds}, leak and churn. */
    @Override
    public List<ExpectedCount> expectedCounts(int leakPerRound, int rounds) {
        return newWorkload(leakPerRound).expectedCounts(rounds);
    }

    /** The look-alike called {@code id}; {@link ScenarioProgram#fromId} also knows the real-world ones. */
    public static Scenario fromId(String id) {
        if (ScenarioProgram.fromId(id) instanceof Scenario scenario) {
            return scenario;
        }
        throw new IllegalArgumentException("'" + id + "' is a real-world scenario (RealWorldScenario), not a look-alike");
    }
}
