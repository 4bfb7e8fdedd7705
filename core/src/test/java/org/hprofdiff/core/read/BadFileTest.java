package org.hprofdiff.core.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.hprofdiff.testdata.synth.HprofWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Files that are not readable hprof dumps: one line naming the file, the byte offset and what was expected. */
class BadFileTest {
    @TempDir Path dir;

    static byte[] header(String version, int idSize) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (HprofWriter w = new HprofWriter(out, 8)) {
            w.rawBytes((version + "\0").getBytes(StandardCharsets.US_ASCII));
            w.rawBytes(new RawBytes().u4(idSize).u4(0).u4(0).toByteArray());
        }
        return out.toByteArray();
    }

    static byte[] ascii(String s) { return s.getBytes(StandardCharsets.ISO_8859_1); }

    /** content, offset, the problem's text. */
    static Stream<Arguments> badContent() {
        byte[] phd = new RawBytes().u2(18).bytes(ascii("portable heap dump")).u4(6).u4(0x0F).toByteArray();
        return Stream.of(
                Arguments.of("empty", new byte[0], 0, "empty file; expected an hprof header 'JAVA PROFILE 1.0.x'"),
                Arguments.of("text", ascii("hello, world\n"), 0,
                        "not an hprof heap dump: it starts with 68 65 6c 6c 6f 2c 20 77; expected 'JAVA PROFILE 1.0.x'"),
                Arguments.of("PHD", phd, 0, "not an hprof heap dump: this is an IBM portable heap dump (PHD), which hprof-diff does not read "
                        + "(Eclipse MAT with IBM DTFJ does); expected 'JAVA PROFILE 1.0.x'"),
                Arguments.of("JFR", ascii("FLR\0\0\2\0\0"), 0,
                        "not an hprof heap dump: this is a Java Flight Recorder file (.jfr), not a heap dump; expected 'JAVA PROFILE 1.0.x'"),
                Arguments.of("zip", ascii("PK\3\4\24\0\0\0"), 0, "not an hprof heap dump: this is a zip archive; unzip it first; expected 'JAVA PROFILE 1.0.x'"),
                // the version starts after "JAVA PROFILE " (13 bytes)
                Arguments.of("version 1.0.4", header("JAVA PROFILE 1.0.4", 8), 13,
                        "unknown hprof version '1.0.4'; expected one of [1.0.1, 1.0.2, 1.0.3]"),
                Arguments.of("no NUL", ascii("JAVA PROFILE 1.0.2 and then some text without an end"), 13,
                        "header version string is not terminated; expected '1.0.x' and a NUL byte"),
                // the id size follows "JAVA PROFILE 1.0.2\0" (19 bytes)
                Arguments.of("id size 2", header("JAVA PROFILE 1.0.2", 2), 19, "id size 2; expected 4 or 8"),
                Arguments.of("id size 16", header("JAVA PROFILE 1.0.2", 16), 19, "id size 16; expected 4 or 8"),
                Arguments.of("header cut", ascii("JAVA PROFILE 1.0.2\0\0\0"), 21, "file ends inside the header; expected a u4 id size and a u8 timestamp"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badContent")
    void badContentGivesOneLineWithFileOffsetAndExpectation(String name, byte[] content, long offset, String problem) throws IOException {
        Path file = Files.write(dir.resolve("bad.hprof"), content);
        DumpFormatException e = assertThrows(DumpFormatException.class, () -> HprofFile.open(file));
        assertEquals(offset, e.offset());
        assertEquals(problem, e.problem());
        assertEquals(file + ": byte " + offset + ": " + problem, e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badContent")
    void badContentInsideGzipSaysSo(String name, byte[] content, long offset, String problem) throws IOException {
        assumeFalse(content.length == 0, "an empty gzip member is an empty dump, covered below");
        Path file = TinyDump.Form.GZIP.write(dir.resolve("bad.hprof.gz"), content);
        DumpFormatException e = assertThrows(DumpFormatException.class, () -> HprofFile.open(file));
        assertEquals(offset, e.offset());
        assertEquals(true, e.problem().contains("(inside gzip)"), e.problem());
    }

    @Test
    void emptyGzip() throws IOException {
        Path file = TinyDump.Form.GZIP.write(dir.resolve("empty.hprof.gz"), new byte[0]);
        DumpFormatException e = assertThrows(DumpFormatException.class, () -> HprofFile.open(file));
        assertEquals(file + ": byte 0: not an hprof heap dump (inside gzip): it is empty; expected 'JAVA PROFILE 1.0.x'", e.getMessage());
    }

    @Test
    void corruptGzip() throws IOException {
        Path file = Files.write(dir.resolve("corrupt.hprof.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, (byte) 0xff, (byte) 0xff, 1, 2});
        DumpFormatException e = assertThrows(DumpFormatException.class, () -> HprofFile.open(file));
        assertEquals(0, e.offset());
        assertEquals(true, e.problem().startsWith("gzip data is corrupt ("), e.problem());
    }

    @Test
    void directory() {
        DumpFormatException e = assertThrows(DumpFormatException.class, () -> HprofFile.open(dir));
        assertEquals(dir + ": is a directory; expected a heap dump file", e.getMessage());
        assertEquals(-1, e.offset());
    }

    @Test
    void missingFile() {
        Path file = dir.resolve("nothing-here.hprof");
        DumpFormatException e = assertThrows(DumpFormatException.class, () -> HprofFile.open(file));
        assertEquals(file + ": no such file", e.getMessage());
    }

    @Test
    void unreadableFile() throws IOException {
        Path file = Files.write(dir.resolve("secret.hprof"), TinyDump.bytes());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(file), "running as root: every file is readable");
        DumpFormatException e = assertThrows(DumpFormatException.class, () -> HprofFile.open(file));
        assertEquals(file + ": permission denied (not readable)", e.getMessage());
    }

    @Test
    void readingNeverWritesTheDump() throws Exception {
        Path file = Files.write(dir.resolve("dump.hprof"), TinyDump.bytes());
        FileTime before = Files.getLastModifiedTime(file);
        for (Reads.Mode mode : Reads.Mode.values()) Reads.read(file, mode);
        assertArrayEquals(TinyDump.bytes(), Files.readAllBytes(file));
        assertEquals(before, Files.getLastModifiedTime(file));
    }
}
