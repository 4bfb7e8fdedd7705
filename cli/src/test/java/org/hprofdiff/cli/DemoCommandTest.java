package org.hprofdiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code demo} end to end: a child JVM leaks and dumps, the diff names the leak, the files go or stay as asked. */
class DemoCommandTest {
    @TempDir Path dir;

    @Test
    void keepsTheDumpsWhereAsked() {
        Path keep = dir.resolve("demo");
        Run.Result r = Run.main("demo", "--keep", keep.toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("demo: connection-reaper look-alike"), r::toString);
        assertTrue(r.out().contains("\nLeak suspected: "), r::toString);
        assertTrue(r.out().contains("PoolingHttpClientConnectionManager"), r::toString);
        // the growing path of the incident, with the scenario's 20 leaked managers per round
        assertTrue(r.out().contains("\nHeld by growing retention paths:\n  PoolingHttpClientConnectionManager: 20 → 40 → 60 (+20/interval, "), r::toString);
        assertTrue(r.out().contains("held by static IdleConnectionReaper.INSTANCE (org.hprofdiff.testdata.scenarios.incident.http) → connectionManagers"
                + " → ConcurrentHashMap.table → ConcurrentHashMap$Node[] [*] → ConcurrentHashMap$Node.key"),
                r::toString);
        for (int i = 1; i <= 3; i++) {
            Path dump = keep.toAbsolutePath().resolve("connection-reaper-" + i + ".hprof");
            assertTrue(Files.isRegularFile(dump), dump + " kept");
            assertTrue(r.out().contains("  " + dump + "\n"), r::toString);
        }
    }

    @Test
    void temporaryDumpsAreDeleted() {
        Run.Result r = Run.main("demo", "--format", "json");
        assertEquals(0, r.code(), r::toString);
        List<String> dumps = r.out().lines().filter(l -> l.contains(".hprof\"")).map(l -> l.replaceAll(".*\"([^\"]+\\.hprof)\".*", "$1")).toList();
        assertFalse(dumps.isEmpty(), r::toString);
        for (String d : dumps) assertFalse(Files.exists(Path.of(d)), d + " deleted");
    }
}
