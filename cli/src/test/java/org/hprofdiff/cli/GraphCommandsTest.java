package org.hprofdiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.hprofdiff.testdata.scenarios.ScenarioRun;
import org.hprofdiff.testdata.scenarios.incident.ConnectionReaperLeak;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The graph commands (index, dominators, paths, suspects) on the connection-reaper scenario's last dump: exit
 * codes, messages, formats, and numbers the scenario designed (20 leaked managers per round, held by the static
 * reaper registry). The exact retained sizes are checked against the JVM's histogram in the index module's
 * ConnectionReaperAnalysisTest; here the commands must show them.
 */
class GraphCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HTTP = "org.hprofdiff.testdata.scenarios.incident.http.";
    private static final long MANAGERS = ConnectionReaperLeak.DEFAULT_WRITERS_PER_ROUND * 3L;

    @TempDir static Path shared;
    static Path dump;
    static String indexDir;

    @BeforeAll
    static void dump() {
        ScenarioRun run = ReaperDumps.get();
        dump = run.dumps().get(2);
        indexDir = shared.resolve("indexes").toString();
    }

    private static Run.Result run(String... args) {
        String[] all = Stream.concat(Stream.of(args), Stream.of("--index-dir", indexDir, dump.toString())).toArray(String[]::new);
        return Run.main(all);
    }

    private static JsonNode json(Run.Result r) throws IOException {
        assertEquals(0, r.code(), r::toString);
        return JSON.readTree(r.out());
    }

    @Test
    void indexIsBuiltOnceThenReused(@TempDir Path dir) throws IOException {
        String own = dir.toString();
        Run.Result first = Run.main("index", "--format", "json", "--index-dir", own, dump.toString());
        JsonNode a = json(first);
        assertTrue(a.get("built").asBoolean());
        assertTrue(first.err().contains("indexed " + dump), first::toString);
        assertTrue(a.get("objects").asLong() > 10_000 && a.get("edges").asLong() > a.get("objects").asLong(), first::toString);
        assertTrue(a.get("location").asText().startsWith(own), first::toString);
        Run.Result second = Run.main("index", "--format", "json", "--index-dir", own, dump.toString());
        JsonNode b = json(second);
        assertFalse(b.get("built").asBoolean(), "reused");
        assertFalse(second.err().contains("indexed"), second::toString);
        assertEquals(a.get("objects"), b.get("objects"));
        assertTrue(b.get("millis").asLong() < a.get("millis").asLong(),
                "opening (" + b.get("millis") + " ms) is faster than building (" + a.get("millis") + " ms)");
        Run.Result text = Run.main("index", "--index-dir", own, dump.toString());
        assertTrue(text.out().contains("(reused, opened in "), text::toString);
    }

    @Test
    void verifyPassesOnAnIntactIndexAndFailsWithExit4OnADamagedOne(@TempDir Path dir) throws IOException {
        String own = dir.toString();
        Run.Result ok = Run.main("index", "--verify", "--index-dir", own, dump.toString());
        assertEquals(0, ok.code(), ok::toString);
        assertTrue(ok.out().contains("verify      ok"), ok::toString);
        Path index;
        try (Stream<Path> s = Files.list(dir)) {
            index = s.filter(p -> p.getFileName().toString().endsWith(".hdidx")).findFirst().orElseThrow();
        }
        Path targets = index.resolve("out.targets");
        try (FileChannel ch = FileChannel.open(targets, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long middle = ch.size() / 2;
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1);
            ch.read(b, middle);
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {(byte) ~b.get(0)}), middle);
        }
        Run.Result bad = Run.main("index", "--verify", "--format", "json", "--index-dir", own, dump.toString());
        assertEquals(ExitCode.BAD_INPUT.code, bad.code(), bad::toString);
        JsonNode v = JSON.readTree(bad.out()).get("verify");
        assertFalse(v.get("ok").asBoolean());
        assertTrue(v.get("problems").toString().contains("out.targets"), bad::toString);
        assertTrue(bad.err().contains("warning: the index is damaged"), bad::toString);
    }

    @Test
    void dominatorsShowTheReaperFirstAndReuseTheStoredTree() throws IOException {
        Run.Result first = run("dominators", "--format", "json", "--top", "3");
        JsonNode rows = json(first).get("rows");
        assertEquals(3, rows.size());
        assertEquals(HTTP + "IdleConnectionReaper", rows.get(0).get("label").asText());
        assertTrue(rows.get(0).get("objectId").asText().startsWith("0x"));
        double percent = rows.get(0).get("percent").asDouble();
        assertTrue(percent > 40 && percent < 60, "the 60 managers are about half of this small heap: " + percent);
        Run.Result again = run("dominators", "--top", "3");
        assertEquals(0, again.code(), again::toString);
        assertFalse(again.err().contains("computed the dominator tree"), "reused: " + again.err());
        assertTrue(again.out().contains("Top 3 dominators by retained bytes"), again::toString);
        assertTrue(again.out().contains("unreachable: "), "the reachability footer: " + again);
    }

    @Test
    void dominatorsTreeGroupsAndCsv() throws IOException {
        JsonNode tree = json(run("dominators", "--format", "json", "--top", "1", "--depth", "2", "--children", "1")).get("rows");
        assertEquals(3, tree.size(), tree::toString);
        assertEquals(List.of("java.util.concurrent.ConcurrentHashMap", "java.util.concurrent.ConcurrentHashMap$Node[]"),
                List.of(tree.get(1).get("label").asText(), tree.get(2).get("label").asText()), "reaper → its map → the map's table");
        assertEquals(2, tree.get(2).get("level").asInt());
        JsonNode byClass = json(run("dominators", "--format", "json", "--by", "class", "--top", "1")).get("rows");
        assertEquals(HTTP + "IdleConnectionReaper", byClass.get(0).get("label").asText());
        assertEquals(1, byClass.get(0).get("objects").asLong());
        Run.Result csv = run("dominators", "--format", "csv", "--top", "2");
        assertEquals("rank,level,object,object_id,objects,shallow_bytes,retained_bytes,percent_of_heap", csv.out().lines().findFirst().orElseThrow());
        assertEquals(3, csv.out().lines().count(), csv::toString);
        Run.Result wrong = run("dominators", "--by", "package", "--depth", "1");
        assertEquals(ExitCode.USAGE.code, wrong.code(), wrong::toString);
        assertEquals("hprof-diff: --depth needs --by object", wrong.errLines().getFirst());
    }

    @Test
    void pathsMergeTheLeakedManagersUnderTheStaticRegistry() throws IOException {
        JsonNode r = json(run("paths", "--format", "json", "--class", "PoolingHttpClientConnectionManager$"));
        assertEquals(MANAGERS, r.get("targets").asLong());
        assertEquals(0, r.get("withoutPath").asLong());
        assertEquals(List.of(HTTP + "PoolingHttpClientConnectionManager"), List.of(r.get("classes").get(0).asText()));
        JsonNode start = r.get("paths").get(0);
        assertEquals(1, r.get("paths").size());
        assertEquals("static IdleConnectionReaper.INSTANCE", start.get("step").asText());
        assertEquals("static " + HTTP + "IdleConnectionReaper.INSTANCE", start.get("signature").asText());
        assertEquals(MANAGERS, start.get("objects").asLong());
        Run.Result text = run("paths", "--class", "PoolingHttpClientConnectionManager$");
        assertTrue(text.out().contains("static IdleConnectionReaper.INSTANCE → IdleConnectionReaper.connectionManagers → ConcurrentHashMap.table → ConcurrentHashMap$Node[] [*]"),
                text::toString);
        assertTrue(text.out().contains("ConcurrentHashMap$Node.key → PoolingHttpClientConnectionManager"), text::toString);
    }

    @Test
    void pathsProblemsAreOneLine() {
        Run.Result badRegex = run("paths", "--class", "Pooling(");
        assertEquals(ExitCode.USAGE.code, badRegex.code(), badRegex::toString);
        assertTrue(badRegex.errLines().getFirst().startsWith("hprof-diff: --class 'Pooling(': not a regular expression"), badRegex::toString);
        Run.Result missing = Run.main("paths", dump.toString());
        assertEquals(ExitCode.USAGE.code, missing.code(), missing::toString);
        assertTrue(missing.errLines().getFirst().contains("--class"), missing::toString);
        Run.Result none = run("paths", "--class", "NoSuchClassAnywhere");
        assertEquals(0, none.code(), none::toString);
        assertTrue(none.out().contains("no class name matches /NoSuchClassAnywhere/"), none::toString);
    }

    @Test
    void suspectsNameTheReaperAndWhereItsBytesAccumulate() throws IOException {
        JsonNode s = json(run("suspects", "--format", "json")).get("suspects").get(0);
        assertEquals("object", s.get("kind").asText());
        assertEquals(HTTP + "IdleConnectionReaper", s.get("className").asText());
        assertEquals("static IdleConnectionReaper.INSTANCE → IdleConnectionReaper", s.get("path").get("display").asText());
        assertEquals("java.util.concurrent.ConcurrentHashMap$Node[]", s.get("accumulation").get("className").asText());
        assertEquals(2, s.get("accumulation").get("depth").asInt());
        Run.Result wrong = run("suspects", "--threshold", "0");
        assertEquals(ExitCode.USAGE.code, wrong.code(), wrong::toString);
    }

    @Test
    void missingOrForeignInputIsExit4InOneLine(@TempDir Path dir) throws IOException {
        Run.Result missing = Run.main("dominators", "--index-dir", dir.toString(), dir.resolve("nope.hprof").toString());
        assertEquals(ExitCode.BAD_INPUT.code, missing.code(), missing::toString);
        assertEquals(1, missing.errLines().size(), missing::toString);
        Path text = Files.writeString(dir.resolve("notes.hprof"), "just some text, not a heap dump\n");
        Run.Result foreign = Run.main("paths", "--class", "x", "--index-dir", dir.toString(), text.toString());
        assertEquals(ExitCode.BAD_INPUT.code, foreign.code(), foreign::toString);
        assertEquals(1, foreign.errLines().size(), foreign::toString);
        assertTrue(foreign.err().startsWith("hprof-diff: " + text), foreign::toString);
    }

    @Test
    void noCacheKeepsNothing(@TempDir Path dir) throws IOException {
        Path copy = Files.copy(dump, dir.resolve("copy.hprof"));
        Run.Result r = Run.main("suspects", "--no-cache", copy.toString());
        assertEquals(0, r.code(), r::toString);
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(copy), left.toList());
        }
    }
}
