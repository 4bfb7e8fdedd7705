package org.hprofdiff.testdata.scenarios;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How to start a scenario's child JVM. Start from {@link #of} and adjust with the {@code with...}
 * methods.
 *
 * @param scenario       what to run: a {@link Scenario} or a {@link RealWorldScenario}
 * @param javaHome       the JDK or JRE to run it in (see {@link Jdks})
 * @param jvmFlags       extra JVM flags, after {@link ScenarioRunner#DEFAULT_JVM_FLAGS} (so an
 *                       {@code -Xmx} here wins); e.g. {@code -XX:-UseCompressedOops}. The collector
 *                       is the JVM's default (G1 on a server-class machine) unless a flag picks one.
 * @param rounds         rounds to run, one histogram and one dump after each
 * @param outDir         where the files go (created if missing)
 * @param leakPerRound   units leaked per round (see {@link Scenario#leakUnit()})
 * @param intervalMillis pause between rounds, so the dumps' times differ by at least this much
 * @param timeout        how long the child may take before it is killed
 */
public record ScenarioLaunch(ScenarioProgram scenario, Path javaHome, List<String> jvmFlags, int rounds, Path outDir,
                             int leakPerRound, long intervalMillis, Duration timeout) {

    /** Default time a child may take: generous for three rounds on a slow machine. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    public ScenarioLaunch {
        jvmFlags = List.copyOf(jvmFlags);
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, was " + rounds);
        }
        if (leakPerRound < 0 || intervalMillis < 0 || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("leakPerRound, intervalMillis and timeout must be positive");
        }
    }

    /** A launch with no extra flags, the scenario's default leak, no interval and the default timeout. */
    public static ScenarioLaunch of(ScenarioProgram scenario, Path javaHome, int rounds, Path outDir) {
        return new ScenarioLaunch(scenario, javaHome, List.of(), rounds, outDir, scenario.defaultLeakPerRound(), 0,
                DEFAULT_TIMEOUT);
    }

    public ScenarioLaunch withJvmFlags(List<String> flags) {
        return new ScenarioLaunch(scenario, javaHome, flags, rounds, outDir, leakPerRound, intervalMillis, timeout);
    }

    public ScenarioLaunch withLeakPerRound(int units) {
        return new ScenarioLaunch(scenario, javaHome, jvmFlags, rounds, outDir, units, intervalMillis, timeout);
    }

    public ScenarioLaunch withIntervalMillis(long millis) {
        return new ScenarioLaunch(scenario, javaHome, jvmFlags, rounds, outDir, leakPerRound, millis, timeout);
    }

    public ScenarioLaunch withTimeout(Duration limit) {
        return new ScenarioLaunch(scenario, javaHome, jvmFlags, rounds, outDir, leakPerRound, intervalMillis, limit);
    }
}
