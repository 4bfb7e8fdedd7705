package org.hprofdiff.index;

import java.nio.file.Path;
import java.util.Map;
import org.hprofdiff.core.size.SizeModel;

/**
 * How to find or build a dump's index.
 *
 * @param indexDir    where indexes live ({@code --index-dir}); null: the environment variable, else beside the dump
 * @param noCache     build into a temporary directory and delete it on close ({@code --no-cache})
 * @param threads     worker threads for the build
 * @param sizeModel   the object layout for shallow sizes; null: the default for the dump's id size
 * @param dumpNumber  which heap dump of a multi-dump file (1-based)
 * @param environment environment variables consulted ({@code HPROF_DIFF_INDEX_DIR}, {@code XDG_CACHE_HOME})
 */
public record IndexOptions(Path indexDir, boolean noCache, int threads, SizeModel sizeModel, int dumpNumber, Map<String, String> environment) {

    public IndexOptions {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1: " + threads);
        if (dumpNumber < 1) throw new IllegalArgumentException("dump number must be >= 1: " + dumpNumber);
        environment = Map.copyOf(environment);
    }

    public static IndexOptions defaults() {
        return new IndexOptions(null, false, Runtime.getRuntime().availableProcessors(), null, 1, System.getenv());
    }

    public IndexOptions withIndexDir(Path dir) { return new IndexOptions(dir, noCache, threads, sizeModel, dumpNumber, environment); }

    public IndexOptions withNoCache(boolean value) { return new IndexOptions(indexDir, value, threads, sizeModel, dumpNumber, environment); }

    public IndexOptions withThreads(int n) { return new IndexOptions(indexDir, noCache, n, sizeModel, dumpNumber, environment); }

    public IndexOptions withSizeModel(SizeModel model) { return new IndexOptions(indexDir, noCache, threads, model, dumpNumber, environment); }

    public IndexOptions withDumpNumber(int n) { return new IndexOptions(indexDir, noCache, threads, sizeModel, n, environment); }

    public IndexOptions withEnvironment(Map<String, String> env) { return new IndexOptions(indexDir, noCache, threads, sizeModel, dumpNumber, env); }
}
