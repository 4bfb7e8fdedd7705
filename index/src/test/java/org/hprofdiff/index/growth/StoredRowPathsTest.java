package org.hprofdiff.index.growth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hprofdiff.core.summary.diff.PathGrowth;
import org.hprofdiff.index.store.BlobDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A row's described paths written and read back whole, in order, with every optional part present and absent. */
class StoredRowPathsTest {
    private static final GrowingPaths.Sought NODES = new GrowingPaths.Sought("arrays java.util.HashMap$Node[16384]", GrowingPaths.Kind.ARRAY,
            new RowTargets.Key("java.util.HashMap$Node[]", null, 16384), null);
    private static final GrowingPaths.Sought LOADERS = new GrowingPaths.Sought("loaders com.example.PluginLoader", GrowingPaths.Kind.LOADER, null,
            "com.example.PluginLoader");

    @TempDir
    Path dir;

    private static Map<String, KeptPaths.Seen> paths() {
        Map<String, KeptPaths.Seen> paths = new LinkedHashMap<>();
        // the later-sorting signature first: order is kept as given, not sorted
        String full = "static Reaper.MANAGERS → java.util.ArrayList.elementData → java.lang.Object[] [*]";
        paths.put(full, new KeptPaths.Seen(new PathGrowth.Description(full, "static field",
                List.of("static Reaper.MANAGERS", "java.util.ArrayList.elementData", "java.lang.Object[] [*]"),
                List.of("Reaper.MANAGERS", "ArrayList.elementData", "Object[] [*] — ünïcode"), "com.amazonaws.http",
                List.of("thread \"idle-connection-reaper\" → local", "JNI global"),
                new PathGrowth.PathOwner("java.util.HashMap", "table", List.of("Reaper.MANAGERS", "HashMap.table")),
                new PathGrowth.LoaderHold("PluginLoader @ 0x1234", 1, 12, 3400, 9_876_543_210L)), 42, 1L << 40));
        String bare = "JNI global → byte[]";
        paths.put(bare, new KeptPaths.Seen(new PathGrowth.Description(bare, null, List.of("JNI global", "byte[]"), List.of("", ""), null,
                List.of(), null, null), 1, 0));
        return paths;
    }

    @Test
    void pathsReadBackEqualAndInTheirOrder() throws Exception {
        StoredRowPaths stored = new StoredRowPaths(new BlobDirectory(dir, "row paths", new byte[16]));
        assertNull(stored.read(NODES));
        stored.write(NODES, paths());
        stored.write(LOADERS, Map.of());
        Map<String, KeptPaths.Seen> back = stored.read(NODES);
        assertEquals(paths(), back);
        assertEquals(List.copyOf(paths().keySet()), List.copyOf(back.keySet()));
        assertEquals(Map.of(), stored.read(LOADERS), "a row with no path is stored too: it has none, which is an answer");
    }

    @Test
    void aBlobWrittenForAnotherRowIsNotTaken() throws Exception {
        assertNotEquals(StoredRowPaths.name(NODES), StoredRowPaths.name(LOADERS));
        byte[] blob = StoredRowPaths.encode(StoredRowPaths.name(NODES), paths());
        assertNull(StoredRowPaths.decode(blob, StoredRowPaths.name(LOADERS)));
        assertEquals(paths(), StoredRowPaths.decode(blob, StoredRowPaths.name(NODES)));
    }

    @Test
    void aBlobCutAnywhereFailsRatherThanGivingFewerPaths() {
        byte[] blob = StoredRowPaths.encode(StoredRowPaths.name(NODES), paths());
        for (int cut = 0; cut < blob.length; cut++) {
            byte[] part = Arrays.copyOf(blob, cut);
            assertThrows(IOException.class, () -> StoredRowPaths.decode(part, StoredRowPaths.name(NODES)), "cut at " + cut);
        }
        byte[] longer = Arrays.copyOf(blob, blob.length + 1);
        assertThrows(IOException.class, () -> StoredRowPaths.decode(longer, StoredRowPaths.name(NODES)));
    }
}
