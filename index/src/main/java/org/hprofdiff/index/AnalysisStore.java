package org.hprofdiff.index;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hprofdiff.index.store.BuildLock;
import org.hprofdiff.index.store.Commit;

/**
 * Where the results computed on an index (dominator tree, shortest paths) are kept: as files inside the
 * index directory, so they live and die with the index (a rebuilt index replaces the whole directory, and
 * {@code --no-cache} deletes it). Each file is computed under a lock of its own, so two runs on one dump
 * compute it once: the second waits, then opens what the first stored. When the index directory cannot be
 * written, results go to a temporary directory deleted on {@link #close()}.
 */
final class AnalysisStore implements AutoCloseable {
    private final Path dir;
    private final boolean temporary;

    private AnalysisStore(Path dir, boolean temporary) {
        this.dir = dir;
        this.temporary = temporary;
    }

    static AnalysisStore of(DumpIndex index, BuildProgress progress) throws IOException {
        Path location = index.location();
        if (Files.isWritable(location)) return new AnalysisStore(location, false);
        Path scratch = Files.createTempDirectory("hprof-diff-analysis-");
        progress.note("the index at " + location + " cannot be written; graph results go to " + scratch + " and are deleted afterwards");
        return new AnalysisStore(scratch, true);
    }

    /** The directory the results (and spilled temporary arrays) are written to. */
    Path directory() { return dir; }

    /** Opens a stored result, or throws when it is missing, damaged, foreign or made for other options. */
    @FunctionalInterface
    interface Opener<T> {
        T open(Path file) throws IOException;
    }

    /** Computes a result and stores it at {@code file} (under a temporary name, then renamed). */
    @FunctionalInterface
    interface Computer<T> {
        T compute(Path file) throws IOException;
    }

    /** A result and whether it was computed by this call (false: an earlier run's file was reused). */
    record Loaded<T>(T value, boolean computed) {}

    /**
     * The result stored as {@code name}, opened when a usable one is there, otherwise computed. A stored
     * file that cannot be used (damaged, older format, other options) is replaced, with a note saying why.
     */
    <T> Loaded<T> openOrCompute(String name, String what, Opener<T> opener, Computer<T> computer, BuildProgress progress) throws IOException {
        Path file = dir.resolve(name);
        if (Files.exists(file)) {
            try {
                return new Loaded<>(opener.open(file), false);
            } catch (IOException e) {
                progress.note("stored " + what + " is not usable (" + e.getMessage() + "); computing it again");
            }
        }
        try (BuildLock lock = BuildLock.acquire(dir.resolve(name + ".lock"), () -> progress.note("waiting for another run computing the " + what))) {
            if (Files.exists(file)) {
                try {
                    return new Loaded<>(opener.open(file), false);
                } catch (IOException e) {
                    // the note was given above, or another run left a file we cannot use: compute
                }
            }
            removeLeftovers(name);
            return new Loaded<>(computer.compute(file), true);
        }
    }

    /** Temporary files of computations that were killed (their names start with {@code name.tmp-}); only under the lock. */
    private void removeLeftovers(String name) throws IOException {
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(dir, name + ".tmp-*")) {
            for (Path p : stale) Commit.deleteTree(p); // a file, or a directory of files (the inbound references)
        }
    }

    @Override
    public void close() {
        if (!temporary) return;
        try {
            Commit.deleteTree(dir);
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
