package org.hprofdiff.cli.options;

import java.nio.file.Path;
import java.util.Map;
import org.hprofdiff.index.IndexOptions;
import picocli.CommandLine.Option;

/** Where a dump's index is kept, for the commands that need the object graph. */
public final class IndexLocationOptions {

    @Option(names = "--index-dir", paramLabel = "DIR",
            description = "Keep indexes in DIR (one per dump, named after it) instead of beside the dump; also HPROF_DIFF_INDEX_DIR. "
                    + "Without either: beside the dump (DUMP.hdidx), or in ~/.cache/hprof-diff when the dump's folder is read-only.")
    Path indexDir;

    @Option(names = "--no-cache", description = "Build a temporary index for this run and delete it afterwards; keep nothing.")
    boolean noCache;

    public boolean noCache() { return noCache; }

    /** The index options with these choices, the dump and size-model options, and the run's environment. */
    public IndexOptions indexOptions(DumpOptions dump, SizeModelOptions sizes, Map<String, String> environment) {
        return IndexOptions.defaults().withEnvironment(environment).withIndexDir(indexDir).withNoCache(noCache)
                .withDumpNumber(dump.dumpNumber()).withSizeOverrides(sizes.overrides());
    }
}
