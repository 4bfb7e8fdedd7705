package org.hprofdiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Inputs that are not dumps: each gives exit code 4 and exactly one line on stderr naming the file,
 * the byte offset where that applies, and what was expected; no stack trace. The same for every command
 * that reads a dump.
 */
class BadInputTest {
    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"histogram", "info"})
    void emptyFile(String command) throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.hprof"));
        assertOneLine(Run.main(command, empty.toString()), empty + ": byte 0: empty file; expected an hprof header 'JAVA PROFILE 1.0.x'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"histogram", "info"})
    void directory(String command) {
        assertOneLine(Run.main(command, dir.toString()), dir + ": is a directory; expected a heap dump file");
    }

    @Test
    void missingFile() {
        Path missing = dir.resolve("nope.hprof");
        assertOneLine(Run.main("histogram", missing.toString()), missing + ": no such file");
    }

    @Test
    void notAnHprof() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello, this is text\n");
        Run.Result r = Run.main("histogram", text.toString());
        assertOneLine(r, text + ": byte 0: not an hprof heap dump: it starts with 68 65 6c 6c 6f 2c 20 74; expected 'JAVA PROFILE 1.0.x'");
    }

    @Test
    void unknownVersion() throws IOException {
        Path f = Files.write(dir.resolve("v9.hprof"), "JAVA PROFILE 9.9.9\0\0\0\0\10\0\0\0\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1));
        Run.Result r = Run.main("info", f.toString());
        assertEquals(4, r.code(), r::toString);
        assertTrue(r.err().startsWith("hprof-diff: " + f + ": byte 13: unknown hprof version '9.9.9'"), r::toString);
    }

    @Test
    void idSizeOtherThanFourOrEight() throws IOException {
        byte[] header = "JAVA PROFILE 1.0.2\0".getBytes(StandardCharsets.ISO_8859_1);
        byte[] file = new byte[header.length + 12];
        System.arraycopy(header, 0, file, 0, header.length);
        file[header.length + 3] = 6; // u4 id size = 6
        Path f = Files.write(dir.resolve("id6.hprof"), file);
        assertOneLine(Run.main("histogram", f.toString()), f + ": byte 19: id size 6; expected 4 or 8");
    }

    @Test
    void unreadableFile() throws IOException {
        Path f = Files.writeString(dir.resolve("secret.hprof"), "JAVA PROFILE 1.0.2\0");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(f), "running as root: mode 000 does not stop root from reading, so no unreadable file can be made; skipped");
        assertOneLine(Run.main("histogram", f.toString()), f + ": permission denied (not readable)");
    }

    @Test
    void ibmPortableHeapDumpIsNamed() {
        Path phd = SharedInputs.require("heapdump.20100112.141124.11580.0002.phd");
        Run.Result r = Run.main("info", phd.toString());
        assertEquals(4, r.code(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().contains(": byte 0: not an hprof heap dump: this is an IBM portable heap dump (PHD)"), r::toString);
    }

    @Test
    void oneBadDumpInADiffStopsIt() throws IOException {
        Path text = Files.writeString(dir.resolve("a.txt"), "not a dump");
        Path empty = Files.createFile(dir.resolve("b.hprof"));
        Run.Result r = Run.main(text.toString(), empty.toString());
        assertEquals(4, r.code(), r::toString);
        assertTrue(r.err().startsWith("hprof-diff: " + text + ": byte 0: not an hprof heap dump"), r::toString);
    }

    @Test
    void verboseAddsTheStackTrace() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.hprof"));
        Run.Result r = Run.main("histogram", "--verbose", empty.toString());
        assertEquals(4, r.code(), r::toString);
        assertTrue(r.errLines().size() > 1 && r.err().contains("DumpFormatException"), r::toString);
    }

    /** The whole of stderr is the one line, the exit code is 4, stdout is empty. */
    static void assertOneLine(Run.Result r, String expectedMessage) {
        assertEquals(4, r.code(), r::toString);
        assertEquals(java.util.List.of("hprof-diff: " + expectedMessage), r.errLines(), r::toString);
        assertFalse(r.err().contains("\tat "), r::toString);
        assertEquals("", r.out(), r::toString);
    }
}
