package org.hprofdiff.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.hprofdiff.testdata.scenarios.Jdks;
import org.hprofdiff.testdata.scenarios.Scenario;
import org.hprofdiff.testdata.scenarios.ScenarioLaunch;
import org.hprofdiff.testdata.scenarios.ScenarioRun;
import org.hprofdiff.testdata.scenarios.ScenarioRunner;

/**
 * Three real dumps of the connection-reaper leak, made once per test JVM by a child JVM of the JDK running
 * the tests, each with the JVM's own {@code GC.class_histogram} taken just before it: the ground truth that
 * command output is checked against.
 */
final class ReaperDumps {
    private static ScenarioRun run;

    private ReaperDumps() {}

    static synchronized ScenarioRun get() {
        if (run == null) {
            try {
                Path dir = Files.createTempDirectory("hprof-diff-cli-test-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
                run = ScenarioRunner.run(ScenarioLaunch.of(Scenario.CONNECTION_REAPER, Jdks.current(), 3, dir).withIntervalMillis(500));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return run;
    }

    /** A copy of dump {@code index} (0-based) cut after {@code numerator/denominator} of its bytes, as a dump written at OOM may be. */
    static Path truncated(int index, int numerator, int denominator, Path dir) throws IOException {
        Path whole = get().dumps().get(index);
        Path cut = dir.resolve("cut-" + (index + 1) + ".hprof");
        try (var in = Files.newInputStream(whole); var out = Files.newOutputStream(cut)) {
            out.write(in.readNBytes((int) (Files.size(whole) * numerator / denominator)));
        }
        return cut;
    }

    static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
