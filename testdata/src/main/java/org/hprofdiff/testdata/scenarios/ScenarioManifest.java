package org.hprofdiff.testdata.scenarios;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The manifest a child writes next to its dumps, {@code <scenario>-manifest.properties}: a
 * properties file (UTF-8) that lists the dumps, their times and the designed counts, in an order a
 * person can read. File names in it are relative to its folder, so the folder can be moved.
 *
 * <pre>
 * format=2
 * scenario=connection-reaper
 * leakPerRound=20
 * leakUnit=partition writers
 * java.version=25.0.3
 * jvm.argument.1=-Xmx256m
 * baseline.histogram=connection-reaper-0.histo.txt
 * rounds=3
 * round.1.hprof=connection-reaper-1.hprof
 * round.1.histogram=connection-reaper-1.histo.txt
 * round.1.loaders=connection-reaper-1.loaders.txt
 * round.1.dumpedAt=2026-01-01T10:00:00.123Z
 * ...
 * expected.count=13
 * expected.1.class=org.hprofdiff.testdata.scenarios.incident.http.PoolingHttpClientConnectionManager
 * expected.1.arrayLength=-1
 * expected.1.basis=EXACT
 * expected.1.leak=true
 * expected.1.byRound=20,40,60
 * ...
 * loaders.count=1                       (0 unless the scenario makes class loaders)
 * loaders.1.class=java.net.URLClassLoader
 * loaders.1.namePattern=report-plugin-v\\d+
 * loaders.1.defines=org.example.ReportPlugin,org.example.ReportTemplate
 * loaders.1.withInstances=org.example.ReportTemplate
 * loaders.1.leak=true
 * loaders.1.byRound=3,6,9
 * </pre>
 * Format 2 added the loader listings and {@code loaders.*}.
 */
public final class ScenarioManifest {

    static final int FORMAT = 2;

    private ScenarioManifest() {
    }

    /** Where the manifest of {@code scenario} goes in {@code outDir}. */
    public static Path path(Path outDir, ScenarioProgram scenario) {
        return outDir.resolve(scenario.id() + "-manifest.properties");
    }

    /** Writes {@code run} to {@code run.manifest()}, through a temporary file so a reader never sees half of it. */
    static void write(ScenarioRun run) throws IOException {
        Path file = run.manifest();
        Path dir = file.toAbsolutePath().getParent();
        StringBuilder text = new StringBuilder();
        text.append("# hprof-diff scenario run, written by ScenarioMain; read it with ScenarioManifest.read\n");
        put(text, "format", FORMAT);
        put(text, "scenario", run.scenario().id());
        put(text, "leakPerRound", run.leakPerRound());
        put(text, "leakUnit", run.scenario().leakUnit());
        put(text, "java.version", run.javaVersion());
        for (int i = 0; i < run.jvmArguments().size(); i++) {
            put(text, "jvm.argument." + (i + 1), run.jvmArguments().get(i));
        }
        put(text, "baseline.histogram", relative(dir, run.baselineHistogram()));
        put(text, "rounds", run.rounds().size());
        for (RoundDump round : run.rounds()) {
            String key = "round." + round.round() + ".";
            put(text, key + "hprof", relative(dir, round.hprof()));
            put(text, key + "histogram", relative(dir, round.histogram()));
            put(text, key + "loaders", relative(dir, round.loaders()));
            put(text, key + "dumpedAt", round.dumpedAt());
        }
        put(text, "expected.count", run.expected().size());
        for (int i = 0; i < run.expected().size(); i++) {
            ExpectedCount expected = run.expected().get(i);
            String key = "expected." + (i + 1) + ".";
            put(text, key + "class", expected.className());
            put(text, key + "arrayLength", expected.arrayLength());
            put(text, key + "basis", expected.basis());
            put(text, key + "leak", expected.leak());
            put(text, key + "byRound", joined(expected.byRound()));
        }
        put(text, "loaders.count", run.expectedLoaders().size());
        for (int i = 0; i < run.expectedLoaders().size(); i++) {
            ExpectedLoaders loaders = run.expectedLoaders().get(i);
            String key = "loaders." + (i + 1) + ".";
            put(text, key + "class", loaders.loaderClass());
            put(text, key + "namePattern", loaders.namePattern());
            put(text, key + "defines", String.join(",", loaders.definedClasses()));
            put(text, key + "withInstances", String.join(",", loaders.classesWithInstances()));
            put(text, key + "leak", loaders.leak());
            put(text, key + "byRound", joined(loaders.byRound()));
        }
        Path temporary = dir.resolve(file.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads a manifest; its file names are resolved against its folder. */
    public static ScenarioRun read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        try {
            int format = Integer.parseInt(required(p, "format"));
            if (format != FORMAT) {
                throw new IOException(file + ": manifest format " + format + ", this reader knows " + FORMAT);
            }
            Path dir = file.toAbsolutePath().getParent();
            List<String> jvmArguments = new ArrayList<>();
            for (int i = 1; p.containsKey("jvm.argument." + i); i++) {
                jvmArguments.add(p.getProperty("jvm.argument." + i));
            }
            List<RoundDump> rounds = new ArrayList<>();
            int roundCount = Integer.parseInt(required(p, "rounds"));
            for (int r = 1; r <= roundCount; r++) {
                String key = "round." + r + ".";
                rounds.add(new RoundDump(r, dir.resolve(required(p, key + "hprof")),
                        dir.resolve(required(p, key + "histogram")), dir.resolve(required(p, key + "loaders")),
                        Instant.parse(required(p, key + "dumpedAt"))));
            }
            List<ExpectedCount> expected = new ArrayList<>();
            int expectedCount = Integer.parseInt(required(p, "expected.count"));
            for (int i = 1; i <= expectedCount; i++) {
                String key = "expected." + i + ".";
                expected.add(new ExpectedCount(required(p, key + "class"),
                        Integer.parseInt(required(p, key + "arrayLength")),
                        ExpectedCount.Basis.valueOf(required(p, key + "basis")),
                        Boolean.parseBoolean(required(p, key + "leak")), longs(required(p, key + "byRound"))));
            }
            List<ExpectedLoaders> loaders = new ArrayList<>();
            int loaderCount = Integer.parseInt(required(p, "loaders.count"));
            for (int i = 1; i <= loaderCount; i++) {
                String key = "loaders." + i + ".";
                loaders.add(new ExpectedLoaders(required(p, key + "class"), required(p, key + "namePattern"),
                        names(required(p, key + "defines")), names(required(p, key + "withInstances")),
                        Boolean.parseBoolean(required(p, key + "leak")), longs(required(p, key + "byRound"))));
            }
            return new ScenarioRun(ScenarioProgram.fromId(required(p, "scenario")),
                    Integer.parseInt(required(p, "leakPerRound")), required(p, "java.version"), jvmArguments,
                    rounds, expected, loaders, dir.resolve(required(p, "baseline.histogram")), file);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new IOException(file + ": malformed manifest: " + e.getMessage(), e);
        }
    }

    private static String joined(List<Long> numbers) {
        return String.join(",", numbers.stream().map(String::valueOf).toList());
    }

    private static List<Long> longs(String commaSeparated) {
        return names(commaSeparated).stream().map(Long::valueOf).toList();
    }

    private static List<String> names(String commaSeparated) {
        return commaSeparated.isEmpty() ? List.of() : Arrays.asList(commaSeparated.split(","));
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("missing key '" + key + "'");
        }
        return value;
    }

    private static String relative(Path dir, Path file) {
        Path absolute = file.toAbsolutePath();
        return absolute.getParent().equals(dir) ? absolute.getFileName().toString() : absolute.toString();
    }

    private static void put(StringBuilder text, String key, Object value) {
        text.append(key).append('=').append(escape(String.valueOf(value))).append('\n');
    }

    /** Escapes what {@link Properties#load} would otherwise read differently: backslashes, line breaks, leading blanks. */
    private static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case ' ', '\t', '\f' -> escaped.append(i == 0 ? "\\" + c : String.valueOf(c));
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
