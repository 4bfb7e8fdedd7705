package org.hprofdiff.testdata.scenarios;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A program a scenario's child JVM can run: the self-contained look-alikes of {@link Scenario} (what the
 * demo's jar runs) and the {@link RealWorldScenario}s built on real JDK and library code. Two enums
 * rather than one, so that code iterating {@code Scenario.values()} keeps running only programs that
 * need nothing but testdata's own classes.
 */
public sealed interface ScenarioProgram permits Scenario, RealWorldScenario {

    /** The name on the command line and in file names: {@code connection-reaper}, {@code plugin-driver}, ... */
    String id();

    /** What one unit of {@code leakPerRound} is: "partition writers", "plugin redeploys", ... */
    String leakUnit();

    /** Units leaked per round when the run does not say. */
    int defaultLeakPerRound();

    /**
     * What the child runs each round. Building it does nothing observable and links no library class,
     * so the parent may build one to ask for its expectations.
     *
     * @param workDir a folder of the run the workload may write to (the run's output folder)
     */
    Workload newWorkload(int leakPerRound, Path workDir);

    /** The designed counts after each of rounds 1..{@code rounds}. */
    default List<ExpectedCount> expectedCounts(int leakPerRound, int rounds) {
        return newWorkload(leakPerRound, Path.of(".")).expectedCounts(rounds);
    }

    /** The designed class loaders after each of rounds 1..{@code rounds}; empty when the program makes none. */
    default List<ExpectedLoaders> expectedLoaders(int leakPerRound, int rounds) {
        return newWorkload(leakPerRound, Path.of(".")).expectedLoaders(rounds);
    }

    /** Library jars the child needs, found where the parent loaded them from; see {@link LibraryJar}. */
    default List<LibraryJar> libraries() {
        return List.of();
    }

    /** The program called {@code id}, of either kind. */
    static ScenarioProgram fromId(String id) {
        List<ScenarioProgram> all = all();
        for (ScenarioProgram program : all) {
            if (program.id().equals(id)) {
                return program;
            }
        }
        throw new IllegalArgumentException("unknown scenario '" + id + "'; known: "
                + String.join(", ", all.stream().map(ScenarioProgram::id).toList()));
    }

    /** Every program: the look-alikes first, then the real-world ones. */
    static List<ScenarioProgram> all() {
        List<ScenarioProgram> all = new ArrayList<>(List.of(Scenario.values()));
        all.addAll(List.of(RealWorldScenario.values()));
        return all;
    }
}
