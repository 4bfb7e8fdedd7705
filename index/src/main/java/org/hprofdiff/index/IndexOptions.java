package org.hprofdiff.index;

import java.nio.file.Path;
import java.util.Map;
import org.hprofdiff.core.size.SizeModelOverrides;

/**
 * How to find or build a dump's index.
 *
 * @param indexDir    where indexes live ({@code --index-dir}); null: the environment variable, else beside the dump
 * @param noCache     build into a temporary directory and delete it on close ({@code --no-cache})
 * @param threads     worker threads for the build
 * @param sizeOverrides layout values stated instead of inferred (header, reference and alignment bytes)
 * @param dumpNumber  which heap dump of a multi-dump file (1-based)
 * @param environment environment variables consulted ({@code HPROF_DIFF_INDEX_DIR}, {@code XDG_CACHE_HOME})
 */
public record IndexOptions(Path indexDir, boolean noCache, int threads, SizeModelOverrides sizeOverrides, int dumpNumber, Map<String, String> environment) {

    public IndexOptions {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1: " + threads);
        if (dumpNumber < 1) throw new IllegalArgumentException("dump number must be >= 1: " + dumpNumber);
        environment = Map.copyOf(environment);
        if (sizeOverrides == null) sizeOverrides = SizeModelOverrides.NONE;
    }

    public static IndexOptions defaults() {
        return new IndexOptions(null, false, Runtime.getRuntime().availableProcessors(), SizeModelOverrides.NONE, 1, System.getenv());
    }

    public IndexOptions withIndexDir(Path dir) { return new IndexOptions(dir, noCache, threads, sizeOverrides, dumpNumber, environment); }

    public IndexOptions withNoCache(boolean value) { return new IndexOptions(indexDir, value, threads, sizeOverrides, dumpNumber, environment); }

    public IndexOptions withThreads(int n) { return new IndexOptions(indexDir, noCache, n, sizeOverrides, dumpNumber, environment); }

    public IndexOptions withSizeOverrides(SizeModelOverrides o) { return new IndexOptions(indexDir, noCache, threads, o, dumpNumber, environment); }

    public IndexOptions withDumpNumber(int n) { return new IndexOptions(indexDir, noCache, threads, sizeOverrides, n, environment); }

    public IndexOptions withEnvironment(Map<String, String> env) { return new IndexOptions(indexDir, noCache, threads, sizeOverrides, dumpNumber, env); }
}
