package org.hprofdiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.hprofdiff.testdata.scenarios.ExpectedLoaders;
import org.hprofdiff.testdata.scenarios.Jdks;
import org.hprofdiff.testdata.scenarios.RealWorldScenario;
import org.hprofdiff.testdata.scenarios.ScenarioLaunch;
import org.hprofdiff.testdata.scenarios.ScenarioRun;
import org.hprofdiff.testdata.scenarios.ScenarioRunner;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 10's promise, end to end: on realistic series of real library and JDK code (testdata's
 * {@link RealWorldScenario}s, each run in a child JVM with its own size and number of dumps), the answer lines of
 * {@code hprof-diff r1 r2 ...} — the lines above the list of dumps — name what grows and its true holder: the
 * static registry of a library singleton, the registry, thread or cache that pins a plugin's class loaders. Every
 * fixed control says there is no leak. The expected holders are the scenarios' documented ones and the counts
 * their designed ones, not this tool's output.
 */
class RealWorldAnswersTest {
    private static final String LOADERS = "class loaders report-plugin-v# (java.net.URLClassLoader)";

    @TempDir
    Path dir;

    /**
     * A leak, its size and number of dumps (varied: no answer is tuned to one series), and its true holder in words.
     * {@code notOnPath}: kept plugin versions the path does not hold (the live one is the host's, held by its
     * main thread, where no other holder comes first); -1 where which cache entry is nearer varies from run to run.
     */
    enum Leak {
        AWS_REAPER(RealWorldScenario.AWS_REAPER, 4, 12, 0,
                "PoolingHttpClientConnectionManager held by static IdleConnectionReaper.INSTANCE",
                "PoolingHttpClientConnectionManager: %s (+12/interval, ",
                "held by static IdleConnectionReaper.INSTANCE (software.amazon.awssdk.http.apache.internal.conn) → connectionManagers"
                        + " → ConcurrentHashMap.table → ConcurrentHashMap$Node[] [*] → ConcurrentHashMap$Node.key; also held by thread"
                        + " \"idle-connection-reaper\" local in IdleConnectionReaper$ReaperTask.run → IdleConnectionReaper$ReaperTask.connectionManagers"
                        + " → ConcurrentHashMap.table"),
        PLUGIN_DRIVER(RealWorldScenario.PLUGIN_DRIVER, 3, 5, 0, LOADERS + " held by static DriverManager.registeredDrivers",
                LOADERS + ": %s (+5/interval), which cannot be unloaded: ",
                "held by static DriverManager.registeredDrivers (java.sql) → CopyOnWriteArrayList.array → Object[] [*] → DriverInfo.driver"
                        + " → CsvReportDriver.<class>; they keep "),
        PLUGIN_THREADLOCAL(RealWorldScenario.PLUGIN_THREADLOCAL, 4, 3, 1, LOADERS + " held by thread \"plugin-worker-#\"",
                LOADERS + ": %s (+3/interval), which cannot be unloaded: ",
                "held by thread \"plugin-worker-#\" → Thread.threadLocals → ThreadLocal$ThreadLocalMap.table"
                        + " → ThreadLocal$ThreadLocalMap$Entry[] [*] → ThreadLocal$ThreadLocalMap$Entry.value → ReportFormatter.<class>; they keep "),
        PLUGIN_CONTEXT_LOADER(RealWorldScenario.PLUGIN_CONTEXT_LOADER, 3, 4, 0, LOADERS + " held by thread \"pool-#-thread-#\"",
                LOADERS + ": %s (+4/interval), which cannot be unloaded: ",
                "held by thread \"pool-#-thread-#\" → Thread.contextClassLoader; they keep "),
        CLASS_CACHE(RealWorldScenario.CLASS_CACHE, 3, 3, -1, LOADERS + " held by static TypeFactory.instance",
                LOADERS + ": %s",
                "which cannot be unloaded: held by static TypeFactory.instance (com.fasterxml.jackson.databind.type) → _typeCache → LRUMap._map");

        final RealWorldScenario scenario;
        final int rounds;
        final int perRound;
        final int notOnPath;
        final String headline;
        final String head;
        final String holder;

        Leak(RealWorldScenario scenario, int rounds, int perRound, int notOnPath, String headline, String head, String holder) {
            this.scenario = scenario;
            this.rounds = rounds;
            this.perRound = perRound;
            this.notOnPath = notOnPath;
            this.headline = headline;
            this.head = head;
            this.holder = holder;
        }
    }

    private ScenarioRun run(RealWorldScenario scenario, int rounds, int perRound) throws IOException, InterruptedException {
        return ScenarioRunner.run(ScenarioLaunch.of(scenario, Jdks.current(), rounds, dir).withLeakPerRound(perRound).withIntervalMillis(100));
    }

    /** The answer: every line above the list of dumps ("N dumps over ..."). */
    private List<String> answer(ScenarioRun run) {
        List<String> args = new ArrayList<>(List.of("--index-dir", dir.resolve("indexes").toString()));
        run.dumps().forEach(p -> args.add(p.toString()));
        Run.Result r = Run.main(args.toArray(String[]::new));
        assertEquals(0, r.code(), r::toString);
        return r.answerLines();
    }

    /** How many objects the growing path holds in each dump, as the answer writes them: the designed counts. */
    private static List<Long> designed(ScenarioRun run, Leak leak) {
        if (leak == Leak.AWS_REAPER) return run.expected("org.apache.http.impl.conn.PoolingHttpClientConnectionManager").orElseThrow().byRound();
        return pluginLoaders(run).byRound().stream().map(n -> n - leak.notOnPath).toList();
    }

    private static ExpectedLoaders pluginLoaders(ScenarioRun run) {
        return run.expectedLoaders().stream().filter(ExpectedLoaders::leak).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(Leak.class)
    void theAnswerNamesWhatGrowsAndItsTrueHolder(Leak leak) throws Exception {
        ScenarioRun run = run(leak.scenario, leak.rounds, leak.perRound);
        List<String> answer = answer(run);
        String all = String.join("\n", answer);
        assertTrue(answer.getFirst().startsWith("Leak suspected: " + leak.headline + ", +"), all);
        assertEquals("Held by growing retention paths:", answer.get(1), all);
        String first = answer.get(2).strip();
        assertTrue(first.contains(leak.holder), first + "\nexpected: " + leak.holder);
        if (leak.notOnPath < 0) {
            assertTrue(first.startsWith(LOADERS + ": "), first);
            return;
        }
        List<Long> designed = designed(run, leak);
        String series = designed.stream().map(String::valueOf).collect(Collectors.joining(" → "));
        assertTrue(first.startsWith(String.format(leak.head, series)), first + "\nexpected: " + String.format(leak.head, series));
        assertTrue(answer.getFirst().startsWith("Leak suspected: " + leak.headline + ", +" + leak.perRound + " per interval"), all);
        if (leak != Leak.AWS_REAPER) {
            assertTrue(first.contains("among them static ReportPlugin.TEMPLATES"), first);
            long classes = designed.getLast() * pluginLoaders(run).definedClasses().size();
            assertTrue(first.contains("they keep " + classes + " classes"), first + "\nexpected " + classes + " classes");
        }
    }

    /** The single-dump commands name the same holders as the diff: {@code paths --class} and {@code suspects}. */
    @org.junit.jupiter.api.Test
    void pathsAndSuspectsSayTheSame() throws Exception {
        String index = dir.resolve("indexes").toString();
        ScenarioRun aws = run(RealWorldScenario.AWS_REAPER, 2, 40); // big enough to be a leak suspect (> 10 % of the heap)
        String last = aws.dumps().getLast().toString();
        Run.Result paths = Run.main("paths", "--index-dir", index, "--class", "PoolingHttpClientConnectionManager$", last);
        assertEquals(0, paths.code(), paths::toString);
        // the tree's first branch, the one that holds the most: the singleton's static field, not the reaper thread
        String top = paths.out().lines().filter(l -> l.matches("\\s+[\\d,]+\\s+[\\d,]+\\s+\\S.*")).findFirst().orElseThrow();
        assertTrue(top.contains("static IdleConnectionReaper.INSTANCE → IdleConnectionReaper.connectionManagers → ConcurrentHashMap.table"), paths.out());
        Run.Result suspects = Run.main("suspects", "--index-dir", index, last);
        assertEquals(0, suspects.code(), suspects::toString);
        assertTrue(suspects.out().contains("held by:        static IdleConnectionReaper.INSTANCE → IdleConnectionReaper.connectionManagers → ConcurrentHashMap"),
                suspects.out());

        ScenarioRun driver = run(RealWorldScenario.PLUGIN_DRIVER, 2, 3);
        Run.Result templates = Run.main("paths", "--index-dir", index, "--class", "ReportTemplate$", driver.dumps().getLast().toString());
        assertEquals(0, templates.code(), templates::toString);
        assertTrue(templates.out().contains("static DriverManager.registeredDrivers → CopyOnWriteArrayList.array → Object[] [*] → DriverInfo.driver"
                + " → CsvReportDriver.<class> → CsvReportDriver.<classloader> \"report-plugin-v#\" → URLClassLoader.classes → ArrayList.elementData"
                + " → Object[] [*] → static ReportPlugin.TEMPLATES → HashMap.table"), templates.out());
        assertTrue(templates.out().lines().noneMatch(l -> l.strip().matches("\\d+\\s+[\\d,]+\\s+static ReportPlugin.*")),
                "no path starts at the plugin's own static field: " + templates.out());
    }

    @ParameterizedTest
    @EnumSource(value = RealWorldScenario.class, names = ".*_FIXED", mode = EnumSource.Mode.MATCH_ALL)
    void everyFixedControlReportsNoLeak(RealWorldScenario control) throws Exception {
        List<String> answer = answer(run(control, 3, 4));
        assertTrue(answer.getFirst().startsWith("No leak suspected: "), String.join("\n", answer));
        assertEquals(1, answer.size(), "no answer lines: " + answer);
    }
}
