package org.hprofdiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hprofdiff.testdata.scenarios.ClassHistogram;
import org.hprofdiff.testdata.scenarios.ScenarioRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code histogram} on real dumps, its numbers against the JVM's own class histogram and the scenario's design. */
class HistogramCommandTest {
    private static final String MANAGER = "org.hprofdiff.testdata.scenarios.incident.http.PoolingHttpClientConnectionManager";
    private static final String HTTP_PACKAGE = "org.hprofdiff.testdata.scenarios.incident.http";

    @TempDir Path dir;

    /** Per class, instances and bytes from CSV output of every class. */
    private static Map<String, long[]> csvRows(String csv) {
        Map<String, long[]> rows = new HashMap<>();
        List<String> lines = csv.lines().toList();
        assertEquals("rank,class,loader,instances,shallow_bytes,classes", lines.getFirst());
        for (String line : lines.subList(1, lines.size())) {
            if (line.startsWith("\"")) continue; // a name shared by several loaders: the JVM's histogram cannot tell them apart by name
            String[] f = line.split(",");
            rows.put(f[1], new long[] {Long.parseLong(f[3]), Long.parseLong(f[4])});
        }
        return rows;
    }

    @Test
    void bytesEqualTheJvmsHistogramForEveryClassWhoseCountAgrees() throws IOException {
        ScenarioRun run = ReaperDumps.get();
        Run.Result r = Run.main("histogram", "--all", "--format", "csv", run.dumps().get(2).toString());
        assertEquals(0, r.code(), r::toString);
        Map<String, long[]> ours = csvRows(r.out());
        ClassHistogram truth = run.histogram(3);
        int agreed = 0, compared = 0;
        for (ClassHistogram.Row row : truth.rows()) {
            long[] mine = ours.get(row.javaName());
            if (mine == null || truth.rows(row.className()).size() > 1) continue;
            compared++;
            if (mine[0] != row.instances()) continue;
            agreed++;
            assertEquals(row.bytes(), mine[1], () -> "bytes of " + row.javaName());
        }
        // Most classes agree on the count (a few objects are made between the histogram and the dump).
        assertTrue(compared > 500 && agreed > compared * 9 / 10, "agreed " + agreed + " of " + compared);
    }

    @Test
    void theLeakingClassHasItsDesignedCountAndTheJvmsBytes() throws IOException {
        ScenarioRun run = ReaperDumps.get();
        for (int round = 1; round <= 3; round++) {
            Run.Result r = Run.main("histogram", "--format", "csv", "--filter", "PoolingHttpClientConnectionManager$", run.dumps().get(round - 1).toString());
            long[] row = csvRows(r.out()).get(MANAGER);
            assertEquals(run.expected(MANAGER).orElseThrow().at(round), row[0], "instances in round " + round);
            assertEquals(run.histogram(round).bytes(MANAGER), row[1], "bytes in round " + round);
        }
    }

    @Test
    void textShowsTheLargestClassFirstWithTotals() throws IOException {
        ScenarioRun run = ReaperDumps.get();
        Run.Result r = Run.main("histogram", "--top", "1", run.dumps().get(2).toString());
        assertEquals(0, r.code(), r::toString);
        ClassHistogram.Row largest = run.histogram(3).rows().getFirst();
        String expectedRow = String.format("1  %,d  %,d  %s", largest.instances(), largest.bytes(), largest.javaName());
        assertTrue(r.out().replaceAll(" +", "  ").contains(expectedRow.replaceAll(" +", "  ")), () -> expectedRow + "\n" + r);
        assertTrue(r.out().contains("shown:  1 of "), r::toString);
        assertTrue(r.out().contains("total:  "), r::toString);
        assertEquals("", r.err());
    }

    @Test
    void packageRowSumsItsClasses() throws IOException {
        ScenarioRun run = ReaperDumps.get();
        Run.Result r = Run.main("histogram", "--group-by", "package", "--format", "json", "--filter", "^" + HTTP_PACKAGE.replace(".", "\\.") + "\\.",
                run.dumps().get(2).toString());
        JsonNode rows = new ObjectMapper().readTree(r.out()).get("rows");
        assertEquals(1, rows.size(), r::toString);
        assertEquals(HTTP_PACKAGE, rows.get(0).get("label").asText());
        long expected = run.histogram(3).rows().stream().filter(h -> h.className().startsWith(HTTP_PACKAGE + "."))
                .mapToLong(ClassHistogram.Row::instances).sum();
        assertEquals(expected, rows.get(0).get("instances").asLong());
    }

    @Test
    void arraysByLengthShowTheGrowingTables() {
        ScenarioRun run = ReaperDumps.get();
        long[] first = tables(run.dumps().get(0));
        long[] last = tables(run.dumps().get(2));
        // Each leaked connection manager's pool holds one HashMap$Node[16384]; no other array of that length grows.
        assertEquals(run.expected("[Ljava.util.HashMap$Node;", 16384).orElseThrow().growth(1, 3), last[0] - first[0]);
    }

    private static long[] tables(Path dump) {
        Run.Result r = Run.main("histogram", "--arrays-by-length", "--format", "csv", "--filter", "^java\\.util\\.HashMap\\$Node\\[", dump.toString());
        assertEquals(0, r.code(), r::toString);
        long[] row = csvRows(r.out()).get("java.util.HashMap$Node[16384]");
        assertTrue(row != null, r::toString);
        return row;
    }

    @Test
    void truncatedCopyIsReadInPartWithExitCode5() throws IOException {
        Path cut = ReaperDumps.truncated(2, 1, 2, dir);
        Run.Result r = Run.main("histogram", "--format", "csv", cut.toString());
        assertEquals(5, r.code(), r::toString);
        assertTrue(csvRows(r.out()).size() > 10, r::toString);
        assertTrue(r.errLines().getFirst().startsWith("hprof-diff: warning: PARTIAL RESULT: the dump could not be read to the end"), r::toString);
        assertTrue(r.err().contains("(byte " + Files.size(cut) + ": "), () -> "names the offset where the data ends\n" + r);

        Run.Result text = Run.main("histogram", cut.toString());
        assertEquals(5, text.code());
        assertTrue(text.out().contains("PARTIAL"), text::toString);
        assertEquals("", text.err(), "the text report shows the warning itself");
    }

    @Test
    void outputFileGetsTheReportAndTheDumpIsUntouched() throws IOException {
        Path dump = ReaperDumps.get().dumps().get(0);
        long size = Files.size(dump);
        var modified = Files.getLastModifiedTime(dump);
        Path out = dir.resolve("h.json");
        Run.Result r = Run.main("histogram", "--format", "json", "-o", out.toString(), dump.toString());
        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.out());
        assertEquals("histogram", new ObjectMapper().readTree(out.toFile()).get("report").asText());
        assertEquals(size, Files.size(dump));
        assertEquals(modified, Files.getLastModifiedTime(dump));
    }

    @Test
    void infoDescribesTheDump() throws IOException {
        ScenarioRun run = ReaperDumps.get();
        Run.Result r = Run.main("info", "--format", "json", run.dumps().get(0).toString());
        assertEquals(0, r.code(), r::toString);
        JsonNode info = new ObjectMapper().readTree(r.out());
        assertEquals("JAVA PROFILE 1.0.2", info.at("/dump/format").asText());
        assertEquals(8, info.at("/dump/idSize").asInt());
        assertEquals(1, info.at("/dump/heapDumpCount").asInt());
        long dumpedAt = run.round(1).dumpedAt().toEpochMilli();
        assertTrue(Math.abs(info.at("/dump/timestampMillis").asLong() - dumpedAt) < 5_000, r::toString);
        // The child runs JDK 25 with default flags: compressed oops and class pointers.
        assertEquals(12, info.at("/sizeModel/objectHeaderBytes").asInt());
        assertEquals(4, info.at("/sizeModel/referenceBytes").asInt());
        assertTrue(info.at("/records/heapRecords").asLong() >= 1);
        assertTrue(info.at("/totals/gcRootsByKind").size() > 0);
        assertTrue(info.at("/completeness/partial").isBoolean() && !info.at("/completeness/partial").asBoolean());

        Run.Result text = Run.main("info", run.dumps().get(0).toString());
        assertTrue(text.out().contains("heap dump   1 of 1"), text::toString);
        assertTrue(text.out().contains("complete    yes"), text::toString);
    }

    @Test
    void sizeModelOverrideIsUsedAndReported() throws IOException {
        Path dump = ReaperDumps.get().dumps().get(0);
        Run.Result r = Run.main("info", "--format", "json", "--ref-bytes", "8", "--header-bytes", "16", dump.toString());
        JsonNode info = new ObjectMapper().readTree(r.out());
        assertEquals(16, info.at("/sizeModel/objectHeaderBytes").asInt());
        assertEquals(8, info.at("/sizeModel/referenceBytes").asInt());
    }

    @Test
    void dumpNumberBeyondTheFileIsAUsageError() {
        Path dump = ReaperDumps.get().dumps().get(0);
        Run.Result r = Run.main("histogram", "--dump", "2", dump.toString());
        assertEquals(2, r.code(), r::toString);
        assertEquals("hprof-diff: " + dump + ": --dump 2, but the file holds one heap dump", r.errLines().getFirst());
    }
}
