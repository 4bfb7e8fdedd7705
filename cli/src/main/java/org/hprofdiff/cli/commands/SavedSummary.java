package org.hprofdiff.cli.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hprofdiff.cli.ExitCode;
import org.hprofdiff.cli.Failure;
import org.hprofdiff.cli.report.DiffReport;
import org.hprofdiff.core.summary.DumpSummary;
import org.hprofdiff.core.summary.SummaryJson;

/**
 * Reads a summary saved by {@code hprof-diff summary}, which stands for its dump in a series (as {@code --baseline}
 * or anywhere among the inputs). Anything else (a missing file, a report's JSON, a summary from a newer hprof-diff)
 * is bad input, said in one line.
 */
final class SavedSummary {
    private SavedSummary() {}

    /**
     * @param summary  the saved summary, its dump's path replaced by the summary file's (that is what this run read)
     * @param baseline what the report says about dump 1
     */
    record Loaded(DumpSummary summary, DiffReport.Baseline baseline) {}

    /**
     * Whether an input of a series is a saved summary rather than a dump: a JSON document starts with '{', an hprof
     * file with "JAVA PROFILE" and a gzip file with 0x1f 0x8b. Unreadable files are left to the dump reader to refuse.
     */
    static boolean looksLikeSummary(Path file) {
        if (!Files.isRegularFile(file)) return false;
        try (var in = Files.newInputStream(file)) {
            for (int b = in.read(), seen = 0; b >= 0 && seen < 64; b = in.read(), seen++) {
                if (!Character.isWhitespace(b)) return b == '{';
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    static Loaded read(Path file) {
        if (!Files.exists(file)) throw new Failure(ExitCode.BAD_INPUT, file + ": no such file");
        if (!Files.isRegularFile(file)) throw new Failure(ExitCode.BAD_INPUT, file + ": not a file; expected a summary saved by 'hprof-diff summary'");
        DumpSummary s;
        try {
            s = SummaryJson.read(file);
        } catch (IOException e) {
            throw new Failure(ExitCode.BAD_INPUT, e.getMessage() + "; expected a summary saved by 'hprof-diff summary'", e);
        }
        List<String> missing = missing(s);
        if (!missing.isEmpty()) {
            throw new Failure(ExitCode.BAD_INPUT, file + ": not a dump summary: it has no " + String.join(", ", missing)
                    + "; expected a summary saved by 'hprof-diff summary'");
        }
        DumpSummary.DumpInfo d = s.dump();
        DumpSummary.DumpInfo asRead = new DumpSummary.DumpInfo(file.toString(), d.fileBytes(), d.format(), d.idSize(), d.timestampMillis(),
                d.compression(), d.dumpNumber(), d.heapDumpCount());
        return new Loaded(s.withDump(asRead),
                new DiffReport.Baseline(file.toString(), d.path()));
    }

    /** The parts a comparison needs that the JSON lacked (the reader ignores unknown keys, so any JSON object parses). */
    private static List<String> missing(DumpSummary s) {
        List<String> missing = new ArrayList<>();
        if (s.schemaVersion() < 1) missing.add("schemaVersion");
        if (s.dump() == null) missing.add("dump");
        if (s.sizeModel() == null) missing.add("sizeModel");
        if (s.totals() == null || s.totals().objectsByKind() == null || s.totals().bytesByKind() == null) missing.add("totals");
        if (s.classes() == null) missing.add("classes");
        if (s.arraysByLength() == null) missing.add("arraysByLength");
        if (s.completeness() == null || s.completeness().problems() == null) missing.add("completeness");
        return missing;
    }
}
