package org.hprofdiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.hprofdiff.testdata.scenarios.ClassHistogram;
import org.hprofdiff.testdata.scenarios.ScenarioRun;
import org.hprofdiff.testdata.scenarios.incident.ConnectionReaperLeak;
import org.hprofdiff.testdata.scenarios.incident.http.PooledSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code histogram --retained}: the retained column and the reachability footer, on the connection-reaper scenario's last dump. */
class HistogramRetainedTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HTTP = "org.hprofdiff.testdata.scenarios.incident.http";

    @TempDir static Path shared;
    static ScenarioRun run;
    static String dump;
    static String indexDir;

    @BeforeAll
    static void dump() {
        run = ReaperDumps.get();
        dump = run.dumps().get(2).toString();
        indexDir = shared.resolve("indexes").toString();
    }

    private static JsonNode json(String... args) throws IOException {
        String[] all = new String[args.length + 5];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--format", "json", "--index-dir", indexDir, dump}, 0, all, args.length, 5);
        Run.Result r = Run.main(all);
        assertEquals(0, r.code(), r::toString);
        return JSON.readTree(r.out());
    }

    @Test
    void eachSocketRetainsItsReceiveBuffer() throws IOException {
        // 4 sockets per leaked manager, 20 managers a round, 3 rounds; each socket alone holds its byte[8192]
        long sockets = ConnectionReaperLeak.SOCKETS_PER_MANAGER * ConnectionReaperLeak.DEFAULT_WRITERS_PER_ROUND * 3L;
        ClassHistogram truth = run.histogram(3);
        long socket = truth.bytes(PooledSocket.class.getName()) / truth.instances(PooledSocket.class.getName());
        long buffer = (16 + PooledSocket.RECEIVE_BUFFER_BYTES + 7) & ~7L; // 16-byte array header, 8-byte alignment
        JsonNode row = json("histogram", "--retained", "--filter", "PooledSocket$").get("rows").get(0);
        assertEquals(PooledSocket.class.getName(), row.get("label").asText());
        assertEquals(sockets, row.get("instances").asLong());
        assertEquals(sockets * (socket + buffer), row.get("retainedBytes").asLong());
    }

    @Test
    void reachabilityAccountsForEveryObjectTheHistogramCounted() throws IOException {
        JsonNode r = json("histogram", "--retained", "--top", "1");
        JsonNode reach = r.get("reachability");
        long counted = 0;
        long bytes = 0;
        for (String group : new String[] {"strong", "weak", "unreachable", "unreachableKept"}) {
            counted += reach.get(group).get("objects").asLong();
            bytes += reach.get(group).get("bytes").asLong();
        }
        // the streaming histogram and the index count the dump independently: no object silently dropped
        assertEquals(r.get("totals").get("dump").get("objects").asLong(), counted);
        assertEquals(r.get("totals").get("dump").get("shallowBytes").asLong(), bytes);
        assertEquals(0, reach.get("unreachableKept").get("objects").asLong());
        JsonNode kept = json("histogram", "--retained", "--keep-unreachable", "--top", "1").get("reachability");
        assertEquals(reach.get("unreachable"), kept.get("unreachableKept"), "--keep-unreachable puts the same objects in the tree");
        assertEquals(0, kept.get("unreachable").get("objects").asLong());
    }

    @Test
    void thePackageRetainsWhatItsOutermostObjectsDo() throws IOException {
        JsonNode top = json("dominators", "--top", "1").get("rows").get(0);
        assertEquals(HTTP + ".IdleConnectionReaper", top.get("label").asText());
        JsonNode classes = json("histogram", "--retained", "--all", "--filter", "incident\\.http\\.").get("rows");
        long reaper = -1;
        long lambda = -1;
        for (JsonNode row : classes) {
            if (row.get("label").asText().equals(HTTP + ".IdleConnectionReaper")) reaper = row.get("retainedBytes").asLong();
            if (row.get("label").asText().startsWith(HTTP + ".IdleConnectionReaper$$Lambda")) lambda = row.get("retainedBytes").asLong();
        }
        assertEquals(top.get("retainedBytes").asLong(), reaper, "the one reaper retains what the dominator tree says");
        JsonNode pkg = json("histogram", "--retained", "--group-by", "package", "--filter", "incident\\.http\\.").get("rows").get(0);
        assertEquals(HTTP, pkg.get("label").asText());
        // the package's objects lie below the reaper except the reaper thread's task (a lambda the thread holds)
        assertEquals(reaper + lambda, pkg.get("retainedBytes").asLong(), classes::toString);
    }

    @Test
    void sortByRetainedRanksByTheColumnAndNeedsTheOption() throws IOException {
        JsonNode rows = json("histogram", "--retained", "--sort", "retained", "--all").get("rows");
        long previous = Long.MAX_VALUE;
        for (JsonNode row : rows) {
            if (row.get("retainedBytes").isNull()) continue; // rows that match no class of the index come last
            long retained = row.get("retainedBytes").asLong();
            assertTrue(retained <= previous, row::toString);
            previous = retained;
        }
        Run.Result r = Run.main("histogram", "--sort", "retained", dump);
        assertEquals(ExitCode.USAGE.code, r.code(), r::toString);
        assertEquals("hprof-diff: --sort retained needs --retained", r.errLines().getFirst());
    }

    @Test
    void withoutTheOptionNothingChanges() throws IOException {
        JsonNode r = json("histogram", "--top", "2");
        assertTrue(r.get("reachability").isNull(), r::toString);
        assertTrue(r.get("rows").get(0).get("retainedBytes").isNull(), r::toString);
        Run.Result text = Run.main("histogram", "--retained", "--top", "2", "--index-dir", indexDir, dump);
        assertTrue(text.out().contains("retained"), text::toString);
        assertTrue(text.out().contains("unreachable: "), text::toString);
        Run.Result csv = Run.main("histogram", "--retained", "--top", "2", "--format", "csv", "--index-dir", indexDir, dump);
        assertEquals("rank,class,loader,instances,shallow_bytes,classes,retained_bytes", csv.out().lines().findFirst().orElseThrow());
    }
}
