package org.hprofdiff.testdata.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LargeDumpGeneratorTest {
    private static final long SIZE = 20L << 20;

    @TempDir
    static Path dir;
    static Path dump;
    static GeneratedTotals totals;
    static MiniHprof decoded;

    @BeforeAll
    static void generate() throws IOException {
        dump = dir.resolve("a.hprof");
        totals = LargeDumpGenerator.generate(dump, new LargeDumpGenerator.Options(SIZE, 42, 4, false));
        decoded = new MiniHprof(ByteBuffer.wrap(Files.readAllBytes(dump)));
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes() throws IOException {
        Path again = dir.resolve("b.hprof");
        LargeDumpGenerator.generate(again, new LargeDumpGenerator.Options(SIZE, 42, 4, false));
        assertEquals(-1, Files.mismatch(dump, again));
        Path other = dir.resolve("c.hprof");
        LargeDumpGenerator.generate(other, new LargeDumpGenerator.Options(SIZE, 43, 4, false));
        assertNotEquals(-1, Files.mismatch(dump, other));
    }

    @Test
    void sizeIsNearTheTarget() throws IOException {
        assertEquals(Files.size(dump), totals.fileBytes());
        assertTrue(Math.abs(totals.fileBytes() - SIZE) < SIZE / 10, totals.fileBytes() + " vs " + SIZE);
    }

    @Test
    void declaredCountsMatchAnIndependentWalk() {
        assertEquals(totals.objectCount(ObjectKind.CLASS), decoded.classes.size());
        assertEquals(totals.objectCount(ObjectKind.INSTANCE), countTag(0x21));
        assertEquals(totals.objectCount(ObjectKind.OBJECT_ARRAY), countTag(0x22));
        assertEquals(totals.objectCount(ObjectKind.PRIMITIVE_ARRAY), countTag(0x23));
        assertEquals(totals.gcRoots(), decoded.roots.size());

        Map<String, Long> byClass = new HashMap<>();
        for (MiniHprof.ObjectAt object : decoded.objects) {
            String name = object.tag() == 0x23 ? primitiveArrayName(decoded.primitiveType(object))
                    : decoded.javaClassName(decoded.classOf(object));
            byClass.merge(name, 1L, Long::sum);
        }
        assertEquals(totals.objectsByClass(), byClass);
        assertTrue(totals.listNodes() > 50_000);

        long[] references = new long[2];
        decoded.forEachReference((from, to, label) -> references[label.startsWith("[") ? 1 : 0]++);
        assertEquals(totals.fieldReferences(), references[0]);
        assertEquals(totals.elementReferences(), references[1]);
        long statics = decoded.classes.values().stream().flatMap(c -> c.referenceStatics().values().stream())
                .filter(id -> id != 0).count();
        assertEquals(totals.staticReferences(), statics);
    }

    /** Shallow bytes recomputed with design §4's formulas: align8(12 + fields, refs 4), align8(16 + n × size). */
    @Test
    void shallowBytesMatchTheSizeFormulas() {
        assertEquals(totals.shallowBytes(),
                decoded.objects.stream().mapToLong(LargeDumpGeneratorTest::shallowSize).sum());
    }

    @Test
    void chunkRegionIsCompactedAndSegmentsComeLikeAParallelDump() {
        long end = decoded.objects.stream().mapToLong(o -> o.id() + shallowSize(o)).max().orElseThrow();
        long chunkBase = end - (long) totals.chunks() * ChunkMap.SPAN;
        long bytesInChunks = decoded.objects.stream().filter(o -> o.id() >= chunkBase)
                .mapToLong(LargeDumpGeneratorTest::shallowSize).sum();
        assertEquals((long) totals.chunks() * ChunkMap.SPAN, bytesInChunks, "no holes, no overlaps");
        assertTrue(decoded.objects.stream().noneMatch(o -> o.id() < chunkBase && o.id() + shallowSize(o) > chunkBase));

        assertTrue(decoded.subRecordTags.indexOf(0x21) < decoded.subRecordTags.indexOf(0x20),
                "class dumps after the first dumper's instances");
        long descents = 0;
        for (int i = 0; i + 1 < decoded.objects.size(); i++) {
            descents += decoded.objects.get(i + 1).id() < decoded.objects.get(i).id() ? 1 : 0;
        }
        // each dumper's run ascends; the address drops where the next dumper (or the VM part) starts
        assertTrue(descents >= 2 && descents <= totals.dumpers(), "a few address-ordered runs: " + descents);
        int hugeByteArray = 1 + 8 + 4 + 4 + 1 + (3 << 19);
        for (MiniHprof.Record record : decoded.records) {
            if (record.tag() == 0x1C && record.length() > HprofWriter.HOTSPOT_SEGMENT_BODY_LIMIT) {
                assertEquals(hugeByteArray, record.length(), "only a huge sub-record exceeds the limit, alone");
            }
        }
        assertEquals(0x2C, decoded.records.get(decoded.records.size() - 1).tag());
    }

    private static long shallowSize(MiniHprof.ObjectAt object) {
        return switch (object.tag()) {
            case 0x21 -> align8(12 + decoded.layout(decoded.classOf(object)).stream()
                    .mapToLong(f -> f.type() == 2 ? 4 : MiniHprof.valueSize(f.type(), 8)).sum());
            case 0x22 -> align8(16 + 4L * decoded.arrayLength(object));
            default -> align8(16 + (long) decoded.arrayLength(object)
                    * MiniHprof.valueSize(decoded.primitiveType(object), 8));
        };
    }

    private static long countTag(int tag) {
        return decoded.objects.stream().filter(o -> o.tag() == tag).count();
    }

    private static long align8(long bytes) {
        return (bytes + 7) & -8L;
    }

    private static String primitiveArrayName(int type) {
        return switch (type) {
            case 4 -> "boolean[]";
            case 5 -> "char[]";
            case 6 -> "float[]";
            case 7 -> "double[]";
            case 8 -> "byte[]";
            case 9 -> "short[]";
            case 10 -> "int[]";
            case 11 -> "long[]";
            default -> throw new IllegalArgumentException("type " + type);
        };
    }

    @Test
    void sizesParse() {
        assertEquals(20L << 20, LargeDumpGenerator.parseSize("20m"));
        assertEquals(20L << 20, LargeDumpGenerator.parseSize("20MB"));
        assertEquals(3L << 29, LargeDumpGenerator.parseSize("1.5g"));
        assertEquals(40L << 30, LargeDumpGenerator.parseSize("40GiB"));
        assertEquals(12345, LargeDumpGenerator.parseSize("12345"));
    }
}
