package org.hprofdiff.testdata.scenarios;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a finished child run left in its output folder, as its manifest records it.
 *
 * @param scenario          what ran (a {@link Scenario} or a {@link RealWorldScenario})
 * @param leakPerRound      units leaked per round (see {@link Scenario#leakUnit()})
 * @param javaVersion       the child's {@code java.version}, e.g. {@code 25.0.3}
 * @param jvmArguments      the child's JVM arguments as the JVM reports them
 * @param rounds            one entry per round, in order
 * @param expected          the designed counts per class after each round
 * @param expectedLoaders   the designed class loaders after each round (empty for most scenarios)
 * @param baselineHistogram the histogram taken before round 1, {@code <scenario>-0.histo.txt}
 * @param manifest          the manifest file, {@code <scenario>-manifest.properties}
 */
public record ScenarioRun(ScenarioProgram scenario, int leakPerRound, String javaVersion, List<String> jvmArguments,
                          List<RoundDump> rounds, List<ExpectedCount> expected, List<ExpectedLoaders> expectedLoaders,
                          Path baselineHistogram, Path manifest) {

    public ScenarioRun {
        jvmArguments = List.copyOf(jvmArguments);
        rounds = List.copyOf(rounds);
        expected = List.copyOf(expected);
        expectedLoaders = List.copyOf(expectedLoaders);
    }

    /** The files of {@code round} (1-based). */
    public RoundDump round(int round) {
        return rounds.get(round - 1);
    }

    /** The heap dumps, in round order. */
    public List<Path> dumps() {
        return rounds.stream().map(RoundDump::hprof).toList();
    }

    /** Parses the histogram taken just before the dump of {@code round} (1-based). */
    public ClassHistogram histogram(int round) throws IOException {
        return ClassHistogram.read(round(round).histogram());
    }

    /** Parses the class-loader listing taken between the histogram and the dump of {@code round} (1-based). */
    public ClassLoaderListing loaders(int round) throws IOException {
        return ClassLoaderListing.read(round(round).loaders());
    }

    /** The child's feature version, e.g. 25. */
    public int javaFeatureVersion() {
        String version = javaVersion.startsWith("1.") ? javaVersion.substring(2) : javaVersion;
        return Integer.parseInt(version.split("[^0-9]", 2)[0]);
    }

    /** The expectations that grow every round: what a diff must report. */
    public List<ExpectedCount> leaking() {
        return expected.stream().filter(ExpectedCount::leak).toList();
    }

    /** The expectation for all instances of {@code className} (as printed), if the scenario designs one. */
    public Optional<ExpectedCount> expected(String className) {
        return expected(className, ExpectedCount.ANY_LENGTH);
    }

    /** The expectation for {@code className} arrays of {@code arrayLength}, if the scenario designs one. */
    public Optional<ExpectedCount> expected(String className, int arrayLength) {
        return expected.stream()
                .filter(e -> e.className().equals(className) && e.arrayLength() == arrayLength)
                .findFirst();
    }
}
