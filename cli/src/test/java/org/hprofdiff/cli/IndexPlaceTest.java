package org.hprofdiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An index that cannot be written where it is to go is the machine's problem, not the dump's: exit 3
 * (environment) with one line naming the place, never "read error" and exit 4; and nothing half-written is left
 * to be taken for an index. Places tried: a folder in /proc, a folder below a file, a read-only folder, a full
 * disk (a small tmpfs, where it can be mounted) and a file-size limit (ulimit -f on a child JVM).
 */
class IndexPlaceTest {
    @TempDir Path dir;

    private static Path dump() {
        return ReaperDumps.get().dumps().getFirst();
    }

    @Test
    void aFolderInProcCannotHoldAnIndex() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "no /proc here");
        Run.Result r = Run.main("dominators", "--index-dir", "/proc/hprof-diff-index", dump().toString());
        assertEnvironment(r, "hprof-diff: no writable place for the index of " + dump()
                + ": cannot create or write the folder /proc/hprof-diff-index (index directory); give another with --index-dir DIR");
    }

    @Test
    void aFolderBelowAFileCannotBeMade() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        Run.Result r = Run.main("paths", "--class", "Pooling", "--index-dir", file.resolve("idx").toString(), dump().toString());
        assertEnvironment(r, "hprof-diff: no writable place for the index of " + dump() + ": cannot create or write the folder "
                + file.resolve("idx") + " (index directory); give another with --index-dir DIR");
    }

    @Test
    void aReadOnlyFolder() throws Exception {
        Path readOnly = Files.createDirectory(dir.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        // root may write a folder whatever its permissions: then a read-only bind mount, where it can be made
        boolean mounted = Files.isWritable(readOnly) && run(List.of("mount", "--bind", "-o", "ro", readOnly.toString(), readOnly.toString())) == 0;
        try {
            assumeFalse(Files.isWritable(readOnly), "this user may write a read-only folder and cannot mount one read-only; skipped");
            Run.Result r = Run.main("suspects", "--index-dir", readOnly.toString(), dump().toString());
            assertEnvironment(r, "hprof-diff: no writable place for the index of " + dump() + ": cannot create or write the folder "
                    + readOnly + " (index directory); give another with --index-dir DIR");
        } finally {
            if (mounted) run(List.of("umount", readOnly.toString()));
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aFullDisk() throws Exception {
        Path mount = Files.createDirectory(dir.resolve("small-tmpfs"));
        // 256 KiB: the reaper dump's index takes about 3 MB
        assumeTrue(run(List.of("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", mount.toString())) == 0,
                "cannot mount a tmpfs here (needs root and CAP_SYS_ADMIN); the file-size limit test covers a write that fails");
        try {
            Run.Result r = Run.main("index", "--index-dir", mount.toString(), dump().toString());
            assertEnvironment(r, "hprof-diff: cannot write the index: " + mount);
            assertTrue(r.err().contains("o space left on"), r::toString);
            assertNoIndexLeft(mount);
        } finally {
            run(List.of("umount", mount.toString()));
        }
    }

    @Test
    void aFileSizeLimit() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh for ulimit");
        Path indexes = Files.createDirectory(dir.resolve("limited"));
        Path err = dir.resolve("err.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // 512 KiB per file: the index's larger files are bigger than that
        String script = "ulimit -f 512 && exec \"$0\" --enable-native-access=ALL-UNNAMED -cp \"$1\" org.hprofdiff.cli.Main index --index-dir \"$2\" \"$3\"";
        Process p = new ProcessBuilder("/bin/sh", "-c", script, java, System.getProperty("java.class.path"), indexes.toString(), dump().toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "child JVM did not finish");
        List<String> lines = Files.readAllLines(err).stream().filter(l -> !l.startsWith("WARNING")).toList();
        assertEquals(3, p.exitValue(), () -> String.join("\n", lines));
        assertEquals(1, lines.size(), () -> String.join("\n", lines));
        assertTrue(lines.getFirst().startsWith("hprof-diff: cannot write the index: " + indexes), lines::getFirst);
        assertTrue(lines.getFirst().contains("File too large"), lines::getFirst);
        assertNoIndexLeft(indexes);
    }

    /** Exit 3, one line on stderr that starts as given, nothing on stdout. */
    private static void assertEnvironment(Run.Result r, String start) {
        assertEquals(3, r.code(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.errLines().getFirst().startsWith(start), r::toString);
        assertEquals("", r.out(), r::toString);
    }

    /** Only the lock file may stay: no index directory, finished or temporary. */
    private static void assertNoIndexLeft(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<String> left = files.map(f -> f.getFileName().toString()).filter(n -> !n.endsWith(".lock")).toList();
            assertEquals(List.of(), left);
        }
    }

    private static int run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
