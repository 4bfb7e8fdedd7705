package org.hprofdiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hprofdiff.testdata.scenarios.incident.ConnectionReaperLeak;
import org.hprofdiff.testdata.scenarios.incident.http.IdleConnectionReaper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The diff with retention paths (the default when dumps are given) on three dumps of the connection-reaper
 * leak: the answer names the path the scenario builds its leak on, with the scenario's designed counts.
 */
class RetentionPathsCliTest {
    private static final String PACKAGE = "org.hprofdiff.testdata.scenarios.incident.http";
    private static final String MANAGER = PACKAGE + ".PoolingHttpClientConnectionManager";
    /** IdleConnectionReaper's documentation: static INSTANCE → connectionManagers (ConcurrentHashMap) → table → Node → key. */
    private static final String HELD_BY = "held by static IdleConnectionReaper.INSTANCE (" + PACKAGE + ") → connectionManagers"
            + " → ConcurrentHashMap.table → ConcurrentHashMap$Node[] [*] → ConcurrentHashMap$Node.key; also held by thread \""
            + IdleConnectionReaper.THREAD_NAME + "\" local in IdleConnectionReaper.sweepForever → IdleConnectionReaper.connectionManagers"
            + " → ConcurrentHashMap.table";

    @TempDir
    Path dir;

    private String[] args(String... options) {
        List<String> all = new ArrayList<>(List.of("--index-dir", dir.resolve("indexes").toString()));
        all.addAll(List.of(options));
        ReaperDumps.get().dumps().forEach(p -> all.add(p.toString()));
        return all.toArray(String[]::new);
    }

    /** "20 → 40 → 60": leaked writers per round, one manager each. */
    private static String designedSeries() {
        List<Long> designed = ReaperDumps.get().expected(MANAGER).orElseThrow().byRound();
        assertEquals(List.of(1L, 2L, 3L).stream().map(r -> r * ConnectionReaperLeak.DEFAULT_WRITERS_PER_ROUND).toList(), designed);
        return designed.get(0) + " → " + designed.get(1) + " → " + designed.get(2);
    }

    @Test
    void theAnswerUnderTheVerdictNamesTheGrowingPath() throws IOException {
        Run.Result r = Run.main(args());
        assertEquals(0, r.code(), r::toString);
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("Leak suspected: "), r::toString);
        assertEquals("Held by growing retention paths:", lines.get(1), r::toString);
        String manager = lines.get(2);
        assertTrue(manager.startsWith("  PoolingHttpClientConnectionManager: " + designedSeries() + " (+"
                + ConnectionReaperLeak.DEFAULT_WRITERS_PER_ROUND + "/interval, "), manager);
        assertTrue(manager.contains("), " + HELD_BY), manager);
        // people saw the tables first: each is tied to the HashMap that owns it, inside the manager's pool
        String tables = lines.get(3);
        assertTrue(tables.startsWith("  HashMap$Node[16384]: " + designedSeries()), tables);
        assertTrue(tables.contains("the table of HashMap held by static IdleConnectionReaper.INSTANCE (" + PACKAGE + ") → connectionManagers"
                + " → ConcurrentHashMap.table → ConcurrentHashMap$Node[] [*] → ConcurrentHashMap$Node.key → PoolingHttpClientConnectionManager.routeToPool;"
                + " also held by thread"), tables);
        assertEquals("", r.err(), "no progress without a terminal");
        try (Stream<Path> indexes = Files.list(dir.resolve("indexes"))) {
            assertEquals(3, indexes.filter(p -> p.getFileName().toString().endsWith(".hdidx")).count(), "one index per dump");
        }
    }

    @Test
    void everyFormatCarriesTheAnswer() throws Exception {
        String series = designedSeries();
        for (String format : List.of("md", "html")) {
            Run.Result r = Run.main(args("--format", format));
            assertEquals(0, r.code(), r::toString);
            assertTrue(r.out().contains("PoolingHttpClientConnectionManager: " + series), format + "\n" + r);
        }
        JsonNode root = new ObjectMapper().readTree(Run.main(args("--format", "json")).out());
        JsonNode path = null;
        for (JsonNode row : root.get("steadyGrowers")) if (row.get("name").asText().equals(MANAGER)) path = row.at("/paths/0");
        assertTrue(path != null && !path.isMissingNode(), root::toString);
        assertEquals("STEADY_GROWTH", path.get("trend").asText());
        assertEquals("static field", path.get("rootKind").asText());
        List<String> counts = new ArrayList<>();
        path.get("samples").forEach(s -> counts.add(s.get("instances").asText()));
        assertEquals(series, String.join(" → ", counts));
    }

    @Test
    void noPathsComparesClassTotalsWithoutIndexing() {
        Run.Result r = Run.main(args("--no-paths"));
        assertEquals(0, r.code(), r::toString);
        assertFalse(r.out().contains("retention paths"), r::toString);
        assertFalse(r.out().contains(" is held by:"), r::toString);
        assertFalse(Files.exists(dir.resolve("indexes")), "no index built");
    }

    @Test
    void includeWeakStoresItsOwnAnalyses() throws IOException {
        Run.Result r = Run.main(args("--include-weak"));
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("PoolingHttpClientConnectionManager: " + designedSeries()), r::toString);
        try (Stream<Path> files = Files.walk(dir.resolve("indexes"))) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().equals("analysis.paths.all")), "paths over every reference");
        }
    }

    @Test
    void aBaselineSummaryHasNoPathsAndSaysSo() throws IOException {
        Path summary = dir.resolve("day1.json");
        assertEquals(0, Run.main("summary", "--no-paths", ReaperDumps.get().dumps().get(0).toString(), "-o", summary.toString()).code());
        List<String> all = new ArrayList<>(List.of("--baseline", summary.toString()));
        ReaperDumps.get().dumps().subList(1, 3).forEach(p -> all.add(p.toString()));
        Run.Result r = Run.main(all.toArray(String[]::new));
        assertEquals(0, r.code(), r::toString);
        assertFalse(r.out().contains("retention paths"), r::toString);
        assertTrue(r.err().contains("retention paths need every dump of the series"), r::toString);
    }

    /** A summary written before loaders and paths were kept (schema 1) still reads, class totals only, and the note names it. */
    @Test
    void anOlderSummaryStillReadsByTotals() throws IOException {
        Path current = dir.resolve("day1.json");
        assertEquals(0, Run.main("summary", "--no-paths", ReaperDumps.get().dumps().get(0).toString(), "-o", current.toString()).code());
        ObjectMapper mapper = new ObjectMapper();
        var doc = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(current.toFile());
        doc.put("schemaVersion", 1);
        doc.remove("classLoaders");
        Path old = dir.resolve("old.json");
        mapper.writeValue(old.toFile(), doc);
        List<String> all = new ArrayList<>(List.of("--format", "json", old.toString()));
        ReaperDumps.get().dumps().subList(1, 3).forEach(p -> all.add(p.toString()));
        Run.Result r = Run.main(all.toArray(String[]::new));
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.err().contains(old + " is a summary without retention paths"), r::toString);
        JsonNode report = mapper.readTree(r.out());
        JsonNode manager = null;
        for (JsonNode row : report.get("steadyGrowers")) if (row.get("name").asText().equals(MANAGER)) manager = row;
        assertTrue(manager != null && manager.get("paths").isNull(), r::toString);
        List<Long> counts = new ArrayList<>();
        manager.get("samples").forEach(x -> counts.add(x.get("instances").asLong()));
        assertEquals(ReaperDumps.get().expected(MANAGER).orElseThrow().byRound(), counts);
        assertEquals(old.toString(), report.at("/savedSummaries/0/summary").asText());
    }
}
