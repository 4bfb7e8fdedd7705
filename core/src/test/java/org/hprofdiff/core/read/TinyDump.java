package org.hprofdiff.core.read;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.hprofdiff.testdata.synth.ChunkedGzipOutputStream;
import org.hprofdiff.testdata.synth.ClassDump;
import org.hprofdiff.testdata.synth.DumpFiles;
import org.hprofdiff.testdata.synth.GcRoot;
import org.hprofdiff.testdata.synth.HprofWriter;
import org.hprofdiff.testdata.synth.RootKind;

/**
 * A small dump with 8-byte ids whose every offset is worked out by hand below, for tests that cut or
 * damage it at chosen bytes. Layout (offsets in bytes):
 * <pre>
 *   0  header "JAVA PROFILE 1.0.2\0" (19) + u4 id size + u8 time                  = 31
 *  31  STRING 0x100 "Foo": 9 + id 8 + 3                                            -> 51
 *  51  LOAD_CLASS: 9 + u4 + id + u4 + id = 9 + 24                                  -> 84
 *  84  HEAP_DUMP_SEGMENT, body 93..259 (166 bytes):
 *        93  CLASS_DUMP 0x1000: tag 1 + 7 ids 56 + serial 4 + size 4 + cp count 2
 *            + statics count 2 + fields count 2 + one field (id 8 + type 1)  = 80  -> 173
 *       173  INSTANCE 0x2000: tag 1 + id 8 + serial 4 + class 8 + length 4 = 25, int 7 at 198 -> 202
 *       202  INSTANCE 0x2010: same, int 8 at 227                                  -> 231
 *       231  PRIM_ARRAY 0x3000 byte[10]: tag 1 + id 8 + serial 4 + length 4 + type 1 = 18, data at 249 -> 259
 * 259  HEAP_DUMP_SEGMENT, body 268..326 (58 bytes):
 *       268  OBJ_ARRAY 0x4000 class 0x1100, 2 elements: 25 + 16, elements at 293  -> 309
 *       309  ROOT JAVA_FRAME 0x2000 thread 1 frame 0: tag 1 + id 8 + u4 + u4      -> 326
 * 326  HEAP_DUMP_END                                                               -> 335
 * </pre>
 */
final class TinyDump {
    static final int STRING_AT = 31, LOAD_CLASS_AT = 51, SEGMENT1_AT = 84, CLASS_AT = 93, INSTANCE1_AT = 173,
            INSTANCE2_AT = 202, BYTES_AT = 231, SEGMENT2_AT = 259, ARRAY_AT = 268, ROOT_AT = 309, END_AT = 326, LENGTH = 335;

    /** The heap lines {@link EventLog} writes for this dump, in file order. */
    static final List<String> HEAP_LINES = List.of(
            "class 0x1000 super 0x0 loader 0x0 signers 0x0 pd 0x0 size 4 statics [] fields [0x101:INT] at 93",
            "instance 0x2000 class 0x1000 fields 00000007 at 198",
            "instance 0x2010 class 0x1000 fields 00000008 at 227",
            "primitiveArray 0x3000 BYTE length 10 at 249",
            "objectArray 0x4000 class 0x1100 [0x2000,0x2010] at 293",
            "root JAVA_FRAME 0x2000 1 0");

    static final List<String> TOP_LINES = List.of("string 0x100 Foo", "loadClass 1 0x1000 1 0x100");

    private TinyDump() {}

    static byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (HprofWriter w = new HprofWriter(out, 8)) {
            w.header("JAVA PROFILE 1.0.2", 0);
            w.string(0x100, "Foo");
            w.loadClass(1, 0x1000, 1, 0x100);
            firstSegment(w);
            w.flushHeapRecord();
            w.objectArrayDump(0x4000, 1, 0x1100, new long[] {0x2000, 0x2010});
            w.root(GcRoot.onThread(RootKind.JAVA_FRAME, 0x2000, 1, 0));
            w.endHeapDump();
        }
        return out.toByteArray();
    }

    /** The sub-records of the first segment (not yet framed). */
    static void firstSegment(HprofWriter w) {
        w.classDump(ClassDump.simple(0x1000, 0, 0, 4, List.of(new ClassDump.InstanceField(0x101, org.hprofdiff.testdata.synth.BasicType.INT))));
        w.instanceDump(0x2000, 1, 0x1000, new byte[] {0, 0, 0, 7});
        w.instanceDump(0x2010, 1, 0x1000, new byte[] {0, 0, 0, 8});
        w.primitiveArrayDump(0x3000, 1, new byte[10]);
    }

    /** How a test file reaches the reader. */
    enum Form {
        PLAIN, GZIP, CHUNKED_GZIP;

        /** Writes {@code content} to {@code file} in this form (chunked gzip with tiny 64-byte members). */
        Path write(Path file, byte[] content) throws IOException {
            try (OutputStream out = switch (this) {
                case PLAIN, GZIP -> DumpFiles.create(file, this == PLAIN ? DumpFiles.Compression.NONE : DumpFiles.Compression.GZIP);
                case CHUNKED_GZIP -> new ChunkedGzipOutputStream(Files.newOutputStream(file), 64, 6);
            }) {
                out.write(content);
            }
            return file;
        }
    }

    static byte[] cut(byte[] content, int length) {
        return Arrays.copyOf(content, length);
    }
}
