package org.hprofdiff.core.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hprofdiff.core.size.SizeModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryJsonTest {
    @TempDir
    Path dir;

    private static DumpSummary summary() {
        Map<ClassStats.Kind, Long> objects = new LinkedHashMap<>();
        Map<ClassStats.Kind, Long> bytes = new LinkedHashMap<>();
        for (ClassStats.Kind k : ClassStats.Kind.values()) {
            objects.put(k, (long) k.ordinal() + 1);
            bytes.put(k, 100L * (k.ordinal() + 1));
        }
        return new DumpSummary(DumpSummary.SCHEMA_VERSION,
                new DumpSummary.DumpInfo("/tmp/a.hprof", 1234, "JAVA PROFILE 1.0.2", 8, 1_700_000_000_000L, "none", 1, 1),
                new SizeModel(12, 4, 8, false, true, "inferred from object addresses: 10 of 10 array gaps fit exactly"),
                new DumpSummary.Totals(objects, bytes, new LinkedHashMap<>(Map.of("thread", 3L)), 42),
                List.of(new ClassStats("java.util.HashMap$Node[]", ClassStats.BOOTSTRAP, ClassStats.Kind.OBJECT_ARRAY, 2, 131104, null),
                        new ClassStats("com.example.Plugin", "com.example.PluginLoader#2", ClassStats.Kind.INSTANCE, 3, 48, 4096L)),
                List.of(new ArrayLengthStats("java.util.HashMap$Node[]", ClassStats.BOOTSTRAP, 16384, 2, 131104)),
                new DumpSummary.Completeness(false, null, List.of("byte 12: something skipped")), null);
    }

    @Test
    void roundTripsExactly() throws IOException {
        DumpSummary s = summary();
        assertEquals(s, SummaryJson.fromJson(SummaryJson.toJson(s)));
        Path file = dir.resolve("a.summary.json");
        SummaryJson.write(s, file);
        assertEquals(s, SummaryJson.read(file));
    }

    @Test
    void keysComeInTheRecordsOrder() {
        String json = SummaryJson.toJson(summary());
        assertEquals(SummaryJson.toJson(summary()), json, "same summary, same text");
        List<String> order = List.of("\"schemaVersion\"", "\"dump\"", "\"sizeModel\"", "\"totals\"", "\"classes\"", "\"arraysByLength\"", "\"completeness\"");
        int last = -1;
        for (String key : order) {
            int at = json.indexOf(key);
            assertTrue(at > last, key + " out of order in\n" + json);
            last = at;
        }
        assertTrue(json.indexOf("\"objectHeaderBytes\"") < json.indexOf("\"referenceBytes\""), json);
        assertTrue(json.indexOf("\"INSTANCE\"") < json.indexOf("\"OBJECT_ARRAY\""), json);
    }

    @Test
    void aNewerSchemaIsRefused() {
        String json = SummaryJson.toJson(summary()).replaceFirst("\"schemaVersion\" : " + DumpSummary.SCHEMA_VERSION, "\"schemaVersion\" : 99");
        IOException e = assertThrows(IOException.class, () -> SummaryJson.fromJson(json));
        assertTrue(e.getMessage().contains("schema version 99 is newer"), e.getMessage());
    }

    @Test
    void garbageSaysWhere() throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\n  \"schemaVersion\" : 1,\n  \"dump\" : [oops\n}");
        IOException e = assertThrows(IOException.class, () -> SummaryJson.read(file));
        assertTrue(e.getMessage().startsWith(file + ": not a dump summary at line 3"), e.getMessage());
    }
}
