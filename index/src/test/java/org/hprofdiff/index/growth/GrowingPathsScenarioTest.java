package org.hprofdiff.index.growth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.hprofdiff.core.read.HprofFile;
import org.hprofdiff.core.summary.DumpSummary;
import org.hprofdiff.core.summary.Summarizer;
import org.hprofdiff.core.summary.diff.GrowthAnalysis;
import org.hprofdiff.core.summary.diff.GrowthReport;
import org.hprofdiff.core.summary.diff.GrowthRow;
import org.hprofdiff.core.summary.diff.PathGrowth;
import org.hprofdiff.core.summary.diff.PathSample;
import org.hprofdiff.core.summary.diff.Trend;
import org.hprofdiff.index.AnalysisProgress;
import org.hprofdiff.index.HeapAnalysis;
import org.hprofdiff.index.IndexOptions;
import org.hprofdiff.index.graph.References;
import org.hprofdiff.testdata.scenarios.Jdks;
import org.hprofdiff.testdata.scenarios.Scenario;
import org.hprofdiff.testdata.scenarios.ScenarioLaunch;
import org.hprofdiff.testdata.scenarios.ScenarioRun;
import org.hprofdiff.testdata.scenarios.ScenarioRunner;
import org.hprofdiff.testdata.scenarios.incident.ConnectionReaperLeak;
import org.hprofdiff.testdata.scenarios.incident.http.IdleConnectionReaper;
import org.hprofdiff.testdata.scenarios.incident.http.PoolingHttpClientConnectionManager;
import org.hprofdiff.testdata.scenarios.listeners.DashboardWidget;
import org.hprofdiff.testdata.scenarios.threadlocal.RequestContext;
import org.hprofdiff.testdata.scenarios.threadlocal.RequestScope;
import org.hprofdiff.testdata.scenarios.threadlocal.ThreadLocalLeak;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Growing retention paths on real dumps: every testdata scenario runs 3 rounds in a child JDK 25, the series is
 * analysed class by class, then the paths are attached from each dump's index. The expected paths are the ones
 * the scenarios are built with (their documentation names them, step by step) and the expected counts are the
 * scenarios' designed per-round numbers, never numbers of the code under test.
 */
class GrowingPathsScenarioTest {
    private static final int ROUNDS = 3;
    private static final String HTTP = "org.hprofdiff.testdata.scenarios.incident.http.";
    private static final String CHM = "java.util.concurrent.ConcurrentHashMap";
    private static final String ENTRY = "java.lang.ThreadLocal$ThreadLocalMap$Entry";

    @TempDir
    static Path dir;
    private static final Map<Scenario, ScenarioRun> RUNS = new EnumMap<>(Scenario.class);
    private static final Map<Scenario, GrowthReport> REPORTS = new EnumMap<>(Scenario.class);
    /** Dumps (0-based) each attach asked the opener for. */
    private static final Map<Scenario, Set<Integer>> OPENED = new EnumMap<>(Scenario.class);

    @BeforeAll
    static void runEveryScenario() throws Exception {
        Optional<Path> java = Jdks.find(25);
        assumeTrue(java.isPresent(), "no JDK 25 installed");
        for (Scenario scenario : Scenario.values()) {
            ScenarioRun run = ScenarioRunner.run(ScenarioLaunch.of(scenario, java.get(), ROUNDS, dir.resolve(scenario.id())).withIntervalMillis(200));
            RUNS.put(scenario, run);
            Set<Integer> opened = new TreeSet<>();
            OPENED.put(scenario, opened);
            REPORTS.put(scenario, attach(run.dumps(), References.STRONG, dir.resolve("indexes"), opened, new TreeSet<>()));
        }
    }

    /** The class-level analysis of {@code dumps} with paths attached; notes which dumps were opened and which had their index built. */
    private static GrowthReport attach(List<Path> dumps, References references, Path indexes, Set<Integer> opened, Set<Integer> built)
            throws Exception {
        List<DumpSummary> summaries = new ArrayList<>();
        for (Path dump : dumps) {
            try (HprofFile file = HprofFile.open(dump)) {
                summaries.add(Summarizer.summarize(file));
            }
        }
        IndexOptions options = IndexOptions.defaults().withEnvironment(Map.of()).withIndexDir(indexes);
        return GrowingPaths.attach(GrowthAnalysis.analyze(summaries), i -> {
            opened.add(i);
            HeapAnalysis analysis = HeapAnalysis.open(dumps.get(i), options, HeapAnalysis.Options.DEFAULT.withReferences(references),
                    AnalysisProgress.SILENT);
            if (analysis.indexBuilt()) built.add(i);
            return new GrowingPaths.Source.Indexed(analysis);
        }, GrowingPaths.Limits.DEFAULT, AnalysisProgress.SILENT);
    }

    private static GrowthRow classRow(GrowthReport report, String name) {
        return report.classes().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name));
    }

    /** The row's first path, which must grow in every interval. */
    private static PathGrowth growing(GrowthRow row) {
        assertNotNull(row.paths(), row.label() + ": paths were looked for");
        PathGrowth p = row.paths().getFirst();
        assertEquals(Trend.STEADY_GROWTH, p.trend(), row.label() + ": " + p);
        return p;
    }

    private static List<Long> instances(PathGrowth p) {
        return p.samples().stream().map(PathSample::instances).toList();
    }

    private static List<Long> perRound(long n) {
        return IntStream.rangeClosed(1, ROUNDS).mapToObj(r -> n * r).toList();
    }

    @Test
    void connectionReaperManagersAreHeldByTheReapersStaticField() {
        ScenarioRun run = RUNS.get(Scenario.CONNECTION_REAPER);
        PathGrowth p = growing(classRow(REPORTS.get(Scenario.CONNECTION_REAPER), PoolingHttpClientConnectionManager.class.getName()));
        // IdleConnectionReaper's documentation: static INSTANCE → connectionManagers (ConcurrentHashMap) → table → Node → key
        assertEquals(List.of("static " + HTTP + "IdleConnectionReaper.INSTANCE", HTTP + "IdleConnectionReaper.connectionManagers", CHM + ".table",
                CHM + "$Node[] [*]", CHM + "$Node.key", HTTP + "PoolingHttpClientConnectionManager"), p.steps());
        assertEquals(String.join(" → ", p.steps()), p.signature());
        assertEquals("static field", p.rootKind());
        assertEquals(List.of("static IdleConnectionReaper.INSTANCE", "connectionManagers", "ConcurrentHashMap.table", "ConcurrentHashMap$Node[] [*]",
                "ConcurrentHashMap$Node.key", "PoolingHttpClientConnectionManager"), p.display());
        assertEquals("org.hprofdiff.testdata.scenarios.incident.http", p.holderPackage());
        // every leaked manager, whatever its place in the registry's hash buckets: head or down a chain
        assertEquals(run.expected(PoolingHttpClientConnectionManager.class.getName()).orElseThrow().byRound(), instances(p));
        // "The thread idle-connection-reaper holds the registry in a local variable as well": the registry's table,
        // where the managers accumulate, is held by that thread too, through the registry object in its frame
        assertEquals(List.of("thread \"" + IdleConnectionReaper.THREAD_NAME + "\" local in IdleConnectionReaper.sweepForever"
                + " → IdleConnectionReaper.connectionManagers → ConcurrentHashMap.table"), p.alsoHeldBy());
        // each leaked manager retains the same objects: the bytes through the path grow by the same amount each round
        long perRound = p.samples().getFirst().retainedBytes() / ConnectionReaperLeak.DEFAULT_WRITERS_PER_ROUND;
        assertTrue(perRound > PoolingHttpClientConnectionManager.POOL_TABLE_LENGTH * 4L, "a manager retains at least its 64 KiB table: " + perRound);
        assertEquals(perRound(perRound * ConnectionReaperLeak.DEFAULT_WRITERS_PER_ROUND),
                p.samples().stream().map(PathSample::retainedBytes).toList());
        assertNull(p.owner(), "not an array");
    }

    @Test
    void theGrowingHashTablesAreTiedToTheManagersPools() {
        GrowthReport report = REPORTS.get(Scenario.CONNECTION_REAPER);
        GrowthRow tables = report.arraysByLength().stream()
                .filter(r -> r.name().equals("java.util.HashMap$Node[]") && r.arrayLength() == PoolingHttpClientConnectionManager.POOL_TABLE_LENGTH)
                .findFirst().orElseThrow();
        PathGrowth p = growing(tables);
        assertEquals(perRound(ConnectionReaperLeak.DEFAULT_WRITERS_PER_ROUND), instances(p));
        // the table of the HashMap a manager keeps in routeToPool, on the manager's own path
        PathGrowth manager = growing(classRow(report, PoolingHttpClientConnectionManager.class.getName()));
        assertEquals(manager.signature() + ".routeToPool → java.util.HashMap.table → java.util.HashMap$Node[]", p.signature());
        assertEquals("java.util.HashMap", p.owner().collection());
        assertEquals("table", p.owner().field());
        List<String> ownersPath = new ArrayList<>(manager.display().subList(0, manager.display().size() - 1));
        ownersPath.addAll(List.of("PoolingHttpClientConnectionManager.routeToPool", "HashMap"));
        assertEquals(ownersPath, p.owner().display());
        assertEquals(manager.alsoHeldBy(), p.alsoHeldBy(), "the managers' registry is where the tables accumulate too");
    }

    @Test
    void threadLocalValuesAreHeldByTheWorkerThreadsMaps() {
        GrowthReport report = REPORTS.get(Scenario.THREADLOCAL);
        PathGrowth p = growing(classRow(report, RequestContext.class.getName()));
        // ThreadLocalLeak's documentation: Thread request-worker-N → threadLocals → table → Entry → value → RequestContext;
        // the four workers' paths are one: digits in thread names do not count
        String worker = ThreadLocalLeak.WORKER_NAME_PREFIX + "#";
        assertEquals(List.of("thread java.lang.Thread thread \"" + worker + "\"", "java.lang.Thread.threadLocals", "java.lang.ThreadLocal$ThreadLocalMap.table",
                ENTRY + "[] [*]", ENTRY + ".value", RequestContext.class.getName()), p.steps());
        assertEquals("thread", p.rootKind());
        assertEquals(perRound(ThreadLocalLeak.DEFAULT_REQUESTS_PER_ROUND), instances(p));
        assertEquals(List.of(), p.alsoHeldBy(), "only the workers (their objects and frames) hold their maps");
        // the scope is strongly reachable only through its context (the map's key is weak)
        PathGrowth scope = growing(classRow(report, RequestScope.class.getName()));
        assertEquals(p.signature() + ".scope → " + RequestScope.class.getName(), scope.signature());
    }

    @Test
    void withWeakReferencesTheScopeIsReachedThroughTheMapsWeakKey() throws Exception {
        ScenarioRun run = RUNS.get(Scenario.THREADLOCAL);
        GrowthReport all = attach(run.dumps(), References.ALL, dir.resolve("indexes"), new TreeSet<>(), new TreeSet<>());
        PathGrowth scope = growing(classRow(all, RequestScope.class.getName()));
        // one step shorter than through the value: Entry.referent, the ThreadLocal key
        assertTrue(scope.signature().endsWith(ENTRY + "[] [*] → " + ENTRY + ".referent → " + RequestScope.class.getName()), scope.signature());
        assertEquals(perRound(ThreadLocalLeak.DEFAULT_REQUESTS_PER_ROUND), instances(scope));
    }

    @Test
    void leakedListenersAreHeldByTheStaticRegistry() {
        PathGrowth p = growing(classRow(REPORTS.get(Scenario.LISTENERS), DashboardWidget.class.getName()));
        String bus = "org.hprofdiff.testdata.scenarios.listeners.EventBus";
        // EventBus's documentation: static GLOBAL → listeners (CopyOnWriteArrayList) → array → RepaintOnPriceChange → this$0 → DashboardWidget
        assertEquals(List.of("static " + bus + ".GLOBAL", bus + ".listeners", "java.util.concurrent.CopyOnWriteArrayList.array", "java.lang.Object[] [*]",
                DashboardWidget.RepaintOnPriceChange.class.getName() + ".this$0", DashboardWidget.class.getName()), p.steps());
        assertEquals(RUNS.get(Scenario.LISTENERS).expected(DashboardWidget.class.getName()).orElseThrow().byRound(), instances(p));
    }

    @Test
    void theControlHasNoGrowingPathAndNeedsNoIndex() {
        GrowthReport report = REPORTS.get(Scenario.CONTROL);
        assertTrue(Stream.concat(report.classes().stream(), report.arraysByLength().stream()).allMatch(r -> r.paths() == null));
        assertEquals(Set.of(), OPENED.get(Scenario.CONTROL), "nothing grows steadily: nothing to explain, no dump opened");
    }

    @Test
    void flatPathsAreContextAfterTheGrowingOnes() {
        // the JDK's own hash tables do not grow: their paths come after the growing one, and do not grow
        GrowthRow tables = classRow(REPORTS.get(Scenario.CONNECTION_REAPER), "java.util.HashMap$Node[]");
        assertEquals(Trend.STEADY_GROWTH, tables.paths().getFirst().trend());
        List<PathGrowth> context = tables.paths().subList(1, tables.paths().size());
        assertTrue(!context.isEmpty() && context.size() <= GrowingPaths.Limits.DEFAULT.contextPerRow(), context::toString);
        assertTrue(context.stream().noneMatch(c -> c.trend().leakSuspect()), context::toString);
    }

    @Test
    void addingADumpIndexesOnlyTheNewOne() throws Exception {
        List<Path> dumps = RUNS.get(Scenario.CONNECTION_REAPER).dumps();
        Path indexes = dir.resolve("series-indexes");
        Set<Integer> built = new TreeSet<>();
        attach(dumps.subList(0, 2), References.STRONG, indexes, new TreeSet<>(), built);
        assertEquals(Set.of(0, 1), built);
        built.clear();
        GrowthReport three = attach(dumps, References.STRONG, indexes, new TreeSet<>(), built);
        assertEquals(Set.of(2), built, "dumps 1 and 2 keep their indexes");
        assertEquals(growing(classRow(REPORTS.get(Scenario.CONNECTION_REAPER), PoolingHttpClientConnectionManager.class.getName())),
                growing(classRow(three, PoolingHttpClientConnectionManager.class.getName())));
    }

    @Test
    void aComparisonRunAgainReadsEachRowsPathsStoredWithTheIndex() throws Exception {
        List<Path> dumps = RUNS.get(Scenario.CONNECTION_REAPER).dumps();
        Path indexes = dir.resolve("stored-paths-indexes");
        GrowthReport first = attach(dumps, References.STRONG, indexes, new TreeSet<>(), new TreeSet<>());
        assertEquals(REPORTS.get(Scenario.CONNECTION_REAPER), first);
        IndexOptions options = IndexOptions.defaults().withEnvironment(Map.of()).withIndexDir(indexes);
        GrowingPaths.Opener opener = i -> new GrowingPaths.Source.Indexed(HeapAnalysis.open(dumps.get(i), options, HeapAnalysis.Options.DEFAULT,
                AnalysisProgress.SILENT));
        List<GrowingPaths.Sought> rows = GrowingPaths.sought(first, opener, GrowingPaths.Limits.DEFAULT, AnalysisProgress.SILENT);
        assertTrue(rows.size() >= 2, rows::toString);
        for (int d = 0; d < dumps.size(); d++) {
            try (HeapAnalysis a = analysis(opener, d)) {
                assertEquals(rows.size(), a.rowPaths().files().size(), "one stored blob per row sought in dump " + (d + 1));
                assertEquals(List.of(), a.verify());
                assertTrue(a.storedResults().stream().anyMatch(r -> r.startsWith("growing rows' retention paths (strong references)")), a.storedResults()::toString);
            }
        }
        assertEquals(first, attach(dumps, References.STRONG, indexes, new TreeSet<>(), new TreeSet<>()), "run again: the same answer");

        // what is stored is what a run again shows: 1,000 more objects on every stored path of every dump
        for (int d = 0; d < dumps.size(); d++) {
            try (HeapAnalysis a = analysis(opener, d)) {
                StoredRowPaths stored = new StoredRowPaths(a.rowPaths());
                for (GrowingPaths.Sought row : rows) {
                    Map<String, KeptPaths.Seen> more = new java.util.LinkedHashMap<>();
                    stored.read(row).forEach((signature, seen) -> more.put(signature, new KeptPaths.Seen(seen.description(), seen.objects() + 1000, seen.retainedBytes())));
                    stored.write(row, more);
                }
            }
        }
        String managers = PoolingHttpClientConnectionManager.class.getName();
        assertEquals(instances(growing(classRow(first, managers))).stream().map(n -> n + 1000).toList(),
                instances(growing(classRow(attach(dumps, References.STRONG, indexes, new TreeSet<>(), new TreeSet<>()), managers))));

        // a damaged blob is not trusted: verify names it, and the next run finds the row's paths again and stores them
        for (int d = 0; d < dumps.size(); d++) {
            try (HeapAnalysis a = analysis(opener, d)) {
                for (Path blob : a.rowPaths().files()) {
                    byte[] bytes = java.nio.file.Files.readAllBytes(blob);
                    bytes[bytes.length / 2] ^= 0x5A;
                    java.nio.file.Files.write(blob, bytes);
                }
                assertEquals(rows.size(), a.verify().size(), a.verify()::toString);
            }
        }
        assertEquals(first, attach(dumps, References.STRONG, indexes, new TreeSet<>(), new TreeSet<>()));
        for (int d = 0; d < dumps.size(); d++) {
            try (HeapAnalysis a = analysis(opener, d)) {
                assertEquals(List.of(), a.verify());
            }
        }
    }

    private static HeapAnalysis analysis(GrowingPaths.Opener opener, int dump) throws Exception {
        return ((GrowingPaths.Source.Indexed) opener.open(dump)).analysis();
    }
}
