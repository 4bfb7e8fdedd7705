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
import org.hprofdiff.cli.json.SchemaValidator;
import org.hprofdiff.cli.report.Warnings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every command that reads a dump's object graph, on the connection-reaper scenario's last dump cut at 60 %
 * (as a dump written at OutOfMemoryError may be): exit 5, the completeness in the JSON with the byte where the
 * file ends, one warning line on stderr when the report does not show it, and an answer from the part read —
 * every object the reader found is in it, none dropped. The rule itself is tested in the index module
 * (PartialDumpTest); here the commands must say it.
 */
class PartialGraphCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir static Path dir;
    static Path cut;
    static long cutAt;
    static String indexDir;

    private static SchemaValidator schemas;

    @BeforeAll
    static void cutDump() throws IOException {
        schemas = SchemaValidator.of(Path.of("..", "docs", "json-schema"));
        cut = ReaperDumps.truncated(2, 3, 5, dir);
        cutAt = Files.size(cut);
        indexDir = dir.resolve("indexes").toString();
    }

    private static Run.Result run(String... args) {
        return Run.main(Stream.concat(Stream.of(args), Stream.of("--index-dir", indexDir, cut.toString())).toArray(String[]::new));
    }

    /** Exit 5, the report's JSON (valid by its schema), its warning on stderr as one line. */
    private static JsonNode partial(Run.Result r) throws IOException {
        assertEquals(5, r.code(), r::toString);
        List<String> warnings = r.errLines().stream().filter(l -> l.startsWith("hprof-diff: warning: ")).toList();
        assertEquals(1, warnings.size(), r::toString);
        assertTrue(warnings.getFirst().startsWith("hprof-diff: warning: " + Warnings.PARTIAL + " (byte " + cutAt + ": "), r::toString);
        JsonNode json = JSON.readTree(r.out());
        assertTrue(json.get("warnings").get(0).asText().startsWith(Warnings.PARTIAL), r::toString);
        List<String> problems = schemas.problems("urn:hprof-diff:json-schema:" + json.get("report").asText() + "-report", json);
        assertEquals(List.of(), problems);
        return json;
    }

    private static void assertCompleteness(JsonNode completeness) {
        assertTrue(completeness.get("partial").asBoolean());
        assertTrue(completeness.get("truncation").asText().startsWith("byte " + cutAt + ": the data ends at byte " + cutAt), completeness::toString);
    }

    /** What the reader finds in the cut file, by the command that does not need the index. */
    private static long objectsRead() throws IOException {
        Run.Result info = Run.main("info", "--format", "json", cut.toString());
        assertEquals(5, info.code(), info::toString);
        long objects = 0;
        for (JsonNode n : JSON.readTree(info.out()).get("totals").get("objectsByKind")) objects += n.asLong();
        return objects;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dominators", "suspects", "paths"})
    void graphReportsSayPartialAndKeepEveryObjectRead(String command) throws IOException {
        List<String> args = new ArrayList<>(List.of(command, "--format", "json"));
        if (command.equals("paths")) args.addAll(List.of("--class", "PoolingHttpClientConnectionManager$"));
        JsonNode heap = partial(run(args.toArray(String[]::new))).get("heap");
        assertCompleteness(heap.get("completeness"));
        assertTrue(heap.get("keepUnreachable").asBoolean(), "a partial dump keeps what no root read reaches");
        assertEquals(0, heap.get("standInRoots").asLong(), "a JDK 25 dump's roots come before its objects: none lost");
        JsonNode reach = heap.get("reachability");
        long inTree = reach.get("strong").get("objects").asLong() + reach.get("weak").get("objects").asLong()
                + reach.get("unreachableKept").get("objects").asLong();
        assertEquals(0, reach.get("unreachable").get("objects").asLong());
        assertEquals(objectsRead(), inTree, "every object read is in the tree");
    }

    @Test
    void theTextReportSaysPartialAtTheTopAndWarnsAtTheEnd() {
        Run.Result r = run("dominators", "--top", "3");
        assertEquals(5, r.code(), r::toString);
        assertTrue(r.out().lines().findFirst().orElseThrow().endsWith("PARTIAL (see the warning below)"), r::toString);
        assertTrue(r.out().contains("\nwarning: " + Warnings.PARTIAL + " (byte " + cutAt + ": "), r::toString);
        assertFalse(r.err().contains("warning:"), "the text on stdout shows it already: " + r);
    }

    @Test
    void indexOfAPartialDump() throws IOException {
        JsonNode index = partial(run("index", "--format", "json"));
        assertCompleteness(index.get("completeness"));
        assertEquals(objectsRead(), index.get("objects").asLong());
    }

    @Test
    void histogramRetainedAndInfoReachability() throws IOException {
        JsonNode histogram = partial(run("histogram", "--retained", "--format", "json"));
        assertCompleteness(histogram.get("completeness"));
        assertEquals(0, histogram.get("reachability").get("unreachable").get("objects").asLong());
        JsonNode info = partial(run("info", "--reachability", "--format", "json"));
        assertCompleteness(info.get("completeness"));
        assertTrue(info.get("reachability").get("unreachableKept").get("objects").asLong() > 0,
                "objects held from the lost part are kept, not dropped");
    }

    @Test
    void aCompleteDumpIsNotPartial() throws IOException {
        Path whole = ReaperDumps.get().dumps().get(2);
        Run.Result r = Run.main("dominators", "--top", "1", "--format", "json", "--index-dir", indexDir, whole.toString());
        assertEquals(0, r.code(), r::toString);
        JsonNode heap = JSON.readTree(r.out()).get("heap");
        assertFalse(heap.get("completeness").get("partial").asBoolean());
        assertEquals(0, heap.get("standInRoots").asLong());
        assertFalse(heap.get("keepUnreachable").asBoolean());
        assertEquals(0, JSON.readTree(r.out()).get("warnings").size());
    }

    @Test
    void aDiffWithACutDumpLooksForPathsAndSaysPartial() throws IOException {
        List<Path> dumps = ReaperDumps.get().dumps();
        Run.Result r = Run.main("--format", "json", "--index-dir", indexDir, dumps.get(0).toString(), dumps.get(1).toString(), cut.toString());
        assertEquals(5, r.code(), r::toString);
        assertFalse(r.err().contains("retention paths not looked for"), r::toString);
        JsonNode dump3 = JSON.readTree(r.out()).get("series").get("dumps").get(2);
        assertTrue(dump3.get("partial").asBoolean(), dump3::toString);
    }

    /**
     * A file cut exactly at a record boundary before its first heap record (a one-round dump's first 10 % are its
     * strings and class records) holds no heap dump at all: every command refuses it alike, in one line, exit 4 — the
     * graph commands used to index it as an empty partial heap.
     */
    @ParameterizedTest
    @ValueSource(strings = {"histogram", "index", "dominators", "suspects", "info"})
    void aFileCutBeforeItsHeapDumpIsRefusedByEveryCommand(String command) throws IOException {
        byte[] whole = Files.readAllBytes(ReaperDumps.get().dumps().get(0));
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(whole);
        while (b.get() != 0) { /* the format name */ }
        b.position(b.position() + 12); // id size, time
        int boundary = b.position();
        int records = 0;
        // hand-decoded record headers (tag, time, length): the last boundary before 10 % of the file
        while (true) {
            int tag = whole[boundary] & 0xFF;
            assertTrue(tag != 0x0C && tag != 0x1C, "a heap record before 10 % of the file");
            int next = boundary + 9 + b.getInt(boundary + 5);
            if (next > whole.length / 10) break;
            boundary = next;
            records++;
        }
        Path file = Files.write(dir.resolve("cut-before-heap-" + command + ".hprof"), java.util.Arrays.copyOf(whole, boundary));
        Run.Result r = Run.main(command, "--index-dir", indexDir, file.toString());
        assertEquals(4, r.code(), r::toString);
        assertEquals(List.of("hprof-diff: " + file + ": holds no heap dump (an hprof file with " + records
                + " other records); expected HEAP_DUMP or HEAP_DUMP_SEGMENT records"), r.errLines(), r::toString);
    }
}
