package org.hprofdiff.cli.options;

import picocli.CommandLine.Option;

/** Which heap dump of a file that holds several (the JVMTI hprof agent writes one per request). */
public final class DumpOptions {

    @Option(names = "--dump", paramLabel = "N", defaultValue = "1", converter = OptionValues.DumpNumber.class,
            description = "Which heap dump of a file that holds several (1-based; default: ${DEFAULT-VALUE}). The report says which was used and how many there are.")
    int dumpNumber = 1;

    public int dumpNumber() { return dumpNumber; }
}
