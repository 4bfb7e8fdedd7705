package org.hprofdiff.testdata.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class HprofWriterTest {

    private static byte[] write(int idSize, Consumer<HprofWriter> body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (HprofWriter writer = new HprofWriter(bytes, idSize)) {
            writer.header("JAVA PROFILE 1.0.2", 0x0102030405060708L);
            body.accept(writer);
        }
        return bytes.toByteArray();
    }

    /** Expected bytes spelled out field by field from the format description, not from the writer. */
    @Test
    void oneClassOneInstanceFileIsByteExact() {
        byte[] actual = write(4, w -> w
                .string(0x10, "Foo")
                .string(0x11, "x")
                .loadClass(1, 0x100, 1, 0x10)
                .classDump(ClassDump.simple(0x100, 0, 0, 4,
                        List.of(new ClassDump.InstanceField(0x11, BasicType.INT))))
                .instanceDump(0x200, 1, 0x100, List.of(FieldValue.ofInt(42)))
                .endHeapDump());

        ByteBuffer expected = ByteBuffer.allocate(200);
        expected.put("JAVA PROFILE 1.0.2".getBytes(StandardCharsets.US_ASCII)).put((byte) 0)
                .putInt(4).putLong(0x0102030405060708L);
        expected.put((byte) 0x01).putInt(0).putInt(7).putInt(0x10).put("Foo".getBytes(StandardCharsets.US_ASCII));
        expected.put((byte) 0x01).putInt(0).putInt(5).putInt(0x11).put((byte) 'x');
        expected.put((byte) 0x02).putInt(0).putInt(16).putInt(1).putInt(0x100).putInt(1).putInt(0x10);
        int classDump = 1 + 4 + 4 + 6 * 4 + 4 + 2 + 2 + 2 + 5;
        int instanceDump = 1 + 4 + 4 + 4 + 4 + 4;
        expected.put((byte) 0x1C).putInt(0).putInt(classDump + instanceDump);
        expected.put((byte) 0x20).putInt(0x100).putInt(1).putInt(0).putInt(0).putInt(0).putInt(0).putInt(0)
                .putInt(0).putInt(4).putShort((short) 0).putShort((short) 0).putShort((short) 1)
                .putInt(0x11).put((byte) 10);
        expected.put((byte) 0x21).putInt(0x200).putInt(1).putInt(0x100).putInt(4).putInt(42);
        expected.put((byte) 0x2C).putInt(0).putInt(0);

        assertArrayEquals(java.util.Arrays.copyOf(expected.array(), expected.position()), actual);
    }

    @Test
    void eightByteIdsAndStaticsAndConstantPool() {
        byte[] actual = write(8, w -> w.classDump(new ClassDump(0x7_0000_0010L, 1, 0x7_0000_0000L, 0, 0, 0, 0, 0, 0,
                List.of(new ClassDump.ConstantPoolEntry(3, FieldValue.ref(0x7_0000_0100L))),
                List.of(new ClassDump.StaticField(0x99, FieldValue.ofLong(-1)),
                        new ClassDump.StaticField(0x98, FieldValue.ref(0x7_0000_0200L))),
                List.of())));
        ByteBuffer buffer = ByteBuffer.wrap(actual);
        int body = 31 + 9;
        assertEquals(0x1C, buffer.get(31));
        int expectedLength = 1 + 8 + 4 + 6 * 8 + 4 + 2 + (2 + 1 + 8) + 2 + (8 + 1 + 8) + (8 + 1 + 8) + 2;
        assertEquals(expectedLength, buffer.getInt(36));
        assertEquals(0x7_0000_0010L, buffer.getLong(body + 1));
        assertEquals(0x7_0000_0000L, buffer.getLong(body + 13));
        int pool = body + 1 + 8 + 4 + 6 * 8 + 4;
        assertEquals(1, buffer.getShort(pool));
        assertEquals(3, buffer.getShort(pool + 2));
        assertEquals(2, buffer.get(pool + 4));
        assertEquals(0x7_0000_0100L, buffer.getLong(pool + 5));
        int statics = pool + 13;
        assertEquals(2, buffer.getShort(statics));
        assertEquals(0x99, buffer.getLong(statics + 2));
        assertEquals(11, buffer.get(statics + 10));
        assertEquals(-1L, buffer.getLong(statics + 11));
    }

    @Test
    void segmentsAreCutBeforeASubRecordThatDoesNotFitAndHugeOnesStandAlone() {
        int instance = 1 + 4 + 4 + 4 + 4 + 4;
        byte[] bytes = write(4, w -> {
            w.segmentBodyLimit(2 * instance);
            for (int i = 0; i < 3; i++) {
                w.instanceDump(0x1000 + 16L * i, 1, 0x100, List.of(FieldValue.ofInt(i)));
            }
            w.primitiveArrayDump(0x2000, 1, new byte[100]);
            w.instanceDump(0x3000, 1, 0x100, List.of(FieldValue.ofInt(9)));
            w.endHeapDump();
        });
        MiniHprof dump = new MiniHprof(bytes);
        List<Long> lengths = dump.records.stream().filter(r -> r.tag() == 0x1C).map(MiniHprof.Record::length).toList();
        assertEquals(List.of(2L * instance, (long) instance, 1L + 4 + 4 + 4 + 1 + 100, (long) instance), lengths);
        assertEquals(0x2C, dump.records.get(dump.records.size() - 1).tag());
    }

    @Test
    void heapDumpFramingWritesOneRecordUntilFlushed() {
        MiniHprof dump = new MiniHprof(write(4, w -> {
            w.framing(HprofWriter.HeapFraming.HEAP_DUMP).segmentBodyLimit(10);
            for (int i = 0; i < 5; i++) {
                w.instanceDump(0x1000 + 16L * i, 1, 0x100, List.of(FieldValue.ofInt(i)));
            }
            w.endHeapDump();
        }));
        assertEquals(List.of(0x0C), dump.records.stream().map(MiniHprof.Record::tag).toList());
        assertEquals(5, dump.objects.size());
    }

    @Test
    void everyRootKindHasItsLayout() {
        byte[] bytes = write(8, w -> {
            for (RootKind kind : RootKind.values()) {
                w.root(new GcRoot(kind, 0x1000 + kind.ordinal(), 7, 3));
            }
            w.endHeapDump();
        });
        MiniHprof dump = new MiniHprof(bytes);
        assertEquals(RootKind.values().length, dump.roots.size());
        for (RootKind kind : RootKind.values()) {
            assertEquals(new MiniHprof.Root(kind.tag(), 0x1000 + kind.ordinal()), dump.roots.get(kind.ordinal()));
        }
        long segment = dump.records.get(0).length();
        long expected = 0;
        for (RootKind kind : RootKind.values()) {
            expected += 1 + kind.layout().bodySize(8);
        }
        assertEquals(expected, segment);
    }

    @Test
    void androidSubRecords() {
        MiniHprof dump = new MiniHprof(write(4, w -> w
                .heapDumpInfo(3, 0x50)
                .primitiveArrayNoData(0x100, 1, BasicType.CHAR, 1000)
                .unreachable(0x100)
                .endHeapDump()));
        assertEquals(List.of(0xFE, 0xC3, 0x90), dump.subRecordTags);
        assertEquals(1 + 8 + 1 + 13 + 1 + 4, dump.records.get(0).length());
    }

    @Test
    void escapeHatchesWriteWhatTheyAreTold() {
        byte[] bytes = write(4, w -> w
                .record(0x55, new byte[] {1, 2})
                .recordWithDeclaredLength(0x01, 1000, new byte[] {0, 0, 0, 1})
                .rawBytes(new byte[] {(byte) 0xAB}));
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 31, bytes.length - 31);
        assertEquals(0x55, buffer.get());
        assertEquals(0, buffer.getInt());
        assertEquals(2, buffer.getInt());
        buffer.getShort();
        assertEquals(0x01, buffer.get());
        buffer.getInt();
        assertEquals(1000, buffer.getInt());
        assertEquals(1, buffer.getInt());
        assertEquals((byte) 0xAB, buffer.get());
        assertEquals(0, buffer.remaining());

        byte[] unknownSub = write(4, w -> w.rawSubRecord(new byte[] {0x77, 1, 2, 3}).endHeapDump());
        assertEquals(0x77, unknownSub[31 + 9]);
        assertEquals(4, ByteBuffer.wrap(unknownSub).getInt(31 + 5));
    }

    @Test
    void fourByteIdsRejectWideIds() {
        assertThrows(IllegalArgumentException.class, () -> write(4, w -> w.string(1L << 32, "x")));
        assertThrows(IllegalArgumentException.class, () -> new HprofWriter(new ByteArrayOutputStream(), 6));
    }
}
