package org.hprofdiff.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every exit code the tool uses, with the meaning that {@code --help} and the README's table show.
 * Scripts and CI branch on these numbers, so a code never changes meaning once released.
 */
public enum ExitCode {
    OK(0, "success (for diff and report: no --fail-on threshold breached)"),
    THRESHOLD_BREACHED(1, "a --fail-on threshold was breached (one line per breach)"),
    USAGE(2, "usage error: unknown option, bad value, wrong number of dumps"),
    ENVIRONMENT(3, "environment: no JDK 25, out of memory (raise -Xmx in JAVA_OPTS), demo JVM failed, output or index not writable (no folder, disk full)"),
    BAD_INPUT(4, "an input is missing, unreadable, not an hprof heap dump or not a saved summary (nothing was analysed)"),
    PARTIAL(5, "partial result: a dump is truncated or damaged; the numbers cover the part that was read"),
    INTERNAL(6, "internal error (a bug): please report it with the output of --verbose");

    public final int code;
    public final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** The table for picocli's {@code exitCodeList}: code → meaning, in code order. */
    static Map<String, String> helpTable() {
        Map<String, String> table = new LinkedHashMap<>();
        for (ExitCode c : values()) table.put(Integer.toString(c.code), c.meaning);
        return table;
    }

    /**
     * The code for a run whose threshold check and completeness are both known: a breach is the finding
     * CI branches on, so it wins over a partial read (whose warning is still printed).
     */
    public static ExitCode of(boolean breached, boolean partial) {
        if (breached) return THRESHOLD_BREACHED;
        return partial ? PARTIAL : OK;
    }
}
