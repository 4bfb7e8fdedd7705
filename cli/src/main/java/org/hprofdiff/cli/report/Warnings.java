package org.hprofdiff.cli.report;

import java.util.ArrayList;
import java.util.List;
import org.hprofdiff.core.summary.DumpSummary;

/** The warning lines a dump's completeness calls for. */
public final class Warnings {
    private Warnings() {}

    /** How every partial result's warning starts: scripts and people look for these words. */
    public static final String PARTIAL = "PARTIAL RESULT: the dump could not be read to the end; numbers cover only the part that was read";

    public static List<String> of(DumpSummary.Completeness completeness) {
        List<String> lines = new ArrayList<>();
        if (completeness.partial()) {
            lines.add(PARTIAL + (completeness.truncation() != null ? " (" + completeness.truncation() + ")" : ""));
        }
        for (String p : completeness.problems()) lines.add(p);
        return lines;
    }
}
