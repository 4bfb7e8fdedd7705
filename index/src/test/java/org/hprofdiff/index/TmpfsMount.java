package org.hprofdiff.index;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A small tmpfs mounted for a test (needs root and mount rights; the test is skipped, with the reason, otherwise). */
final class TmpfsMount implements AutoCloseable {
    final Path dir;

    private TmpfsMount(Path dir) {
        this.dir = dir;
    }

    static TmpfsMount mount(Path dir, String size) throws Exception {
        Files.createDirectories(dir);
        String result = run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString());
        assumeTrue(result == null, "cannot mount a " + size + " tmpfs (" + result + "); skipped");
        return new TmpfsMount(dir);
    }

    void remountReadOnly() throws Exception {
        String result = run("mount", "-o", "remount,ro", dir.toString());
        if (result != null) throw new IOException("remount read-only failed: " + result);
    }

    @Override
    public void close() throws Exception {
        run("umount", "-l", dir.toString());
    }

    /** Null on success, else the command's output. */
    private static String run(String... cmd) throws Exception {
        try {
            Process p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "timed out";
            }
            return p.exitValue() == 0 ? null : out;
        } catch (IOException e) {
            return e.getMessage();
        }
    }
}
