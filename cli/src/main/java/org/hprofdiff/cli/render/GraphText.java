package org.hprofdiff.cli.render;

import static org.hprofdiff.core.summary.diff.Units.count;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hprofdiff.cli.report.GraphReport;
import org.hprofdiff.cli.report.DominatorsReport;
import org.hprofdiff.cli.report.GraphHeap;
import org.hprofdiff.cli.report.IndexReport;
import org.hprofdiff.cli.report.PathsReport;
import org.hprofdiff.cli.report.ReachabilityCounts;
import org.hprofdiff.cli.report.SuspectsReport;
import org.hprofdiff.core.summary.diff.Units;
import org.hprofdiff.index.query.ClassPaths;

/**
 * The graph commands' reports for a terminal: the answer first, then the tables; numbers as the other reports
 * show them. Markdown and HTML show the same text preformatted (the trees read best in a fixed-width font).
 */
public final class GraphText {
    private final Style style;
    private final PrintWriter out;

    GraphText(Style style, PrintWriter out) {
        this.style = style;
        this.out = out;
    }

    /** The report as plain text, without colour: what the Markdown and HTML renderers put in a preformatted block. */
    public static String plain(GraphReport report) {
        java.io.StringWriter text = new java.io.StringWriter();
        PrintWriter w = new PrintWriter(text);
        new GraphText(Style.PLAIN, w).render(report);
        w.flush();
        return text.toString();
    }

    void render(GraphReport report) {
        switch (report) {
            case IndexReport r -> index(r);
            case DominatorsReport r -> dominators(r);
            case PathsReport r -> paths(r);
            case SuspectsReport r -> suspects(r);
        }
    }

    private void index(IndexReport r) {
        field("index", r.location() + (r.built() ? " (built now, " : " (reused, opened in ") + Numbers.duration(r.millis()) + ")");
        field("dump", r.dump() + " (" + count(r.dumpBytes()) + " bytes)");
        field("objects", count(r.objects()));
        field("references", count(r.edges()) + (r.missingReferences() > 0 ? " (+ " + count(r.missingReferences()) + " to ids the dump does not hold, left out)" : ""));
        field("classes", count(r.classes()));
        field("GC roots", count(r.roots()));
        field("index size", count(r.indexBytes()) + " bytes (" + Units.bytes(r.indexBytes()) + String.format(Locale.ROOT, ", %.2f × the dump",
                r.dumpBytes() == 0 ? 0.0 : (double) r.indexBytes() / r.dumpBytes()) + ")");
        if (!r.buildMillis().isEmpty()) {
            StringBuilder phases = new StringBuilder();
            long total = 0;
            for (Map.Entry<String, Long> e : r.buildMillis().entrySet()) {
                if (!phases.isEmpty()) phases.append(", ");
                phases.append(e.getKey()).append(' ').append(Numbers.duration(e.getValue()));
                total += e.getValue();
            }
            field("build", Numbers.duration(total) + " when it was built: " + phases);
        }
        field("stored", r.storedResults().isEmpty() ? "no graph results yet (dominators, paths and suspects compute and store them)"
                : String.join(", ", r.storedResults()));
        if (r.verify() != null) {
            field("verify", r.verify().ok() ? style.good("ok: checksums and structure intact")
                    : style.bad(count(r.verify().problems().size()) + " problem(s)"));
            for (String p : r.verify().problems()) out.println("            " + p);
        }
    }

    private void field(String key, String value) {
        out.println(key + " ".repeat(Math.max(1, 12 - key.length())) + value);
    }

    private void head(GraphHeap h, String what) {
        out.println(style.bold(h.dump()) + ": heap dump " + h.dumpNumber() + ", " + count(h.reachability().total().objects()) + " objects, "
                + Units.bytes(h.treeBytes()) + " in the dominator tree" + (h.completeness().partial() ? style.warn("  PARTIAL (see the warning below)") : ""));
        out.println(style.dim(referencesLine(h)));
        out.println();
        out.println(style.bold(what));
    }

    /** Which references retain, in words, for the head of a report. */
    static String referencesLine(GraphHeap h) {
        return (h.references().equals("all") ? "every reference retains (--include-weak, as Eclipse MAT's dominator tree)"
                : "weak, soft and phantom referents and the finalizer queue do not retain (docs/semantics.md)")
                + (h.completeness().partial() ? "; partial dump: what no root read reaches stays in the tree" + (h.standInRoots() > 0
                        ? ", JDK classes stand in for the lost system-class roots" : "")
                : h.keepUnreachable() ? "; unreachable objects kept in the tree" : "");
    }

    private void dominators(DominatorsReport r) {
        DominatorsReport.Query q = r.query();
        String unit = switch (q.by()) {
            case OBJECT -> "dominators";
            case CLASS -> "classes of the top-level dominators";
            case PACKAGE -> "packages of the top-level dominators";
        };
        head(r.heap(), (q.top() == null ? "All " : "Top " + q.top() + " ") + unit + " by retained bytes"
                + (q.depth() > 0 ? ", with " + q.children() + " largest children " + q.depth() + " level(s) down" : ""));
        boolean objects = q.by() == DominatorsReport.By.OBJECT;
        TextTable t = objects ? new TextTable(">#", ">retained", ">%", ">shallow", "object", "class")
                : new TextTable(">#", ">retained", ">%", ">objects", ">shallow", q.by().name().toLowerCase(Locale.ROOT));
        int rank = 0;
        for (DominatorsReport.Row row : r.rows()) {
            String number = row.level() == 0 ? count(++rank) : "";
            String pct = String.format(Locale.ROOT, "%.2f", row.percent());
            if (objects) {
                t.row(number, count(row.retainedBytes()), pct, count(row.shallowBytes()), row.objectId() == null ? "-" : row.objectId(),
                        "  ".repeat(row.level()) + row.label() + (!row.unreachable() ? ""
                                : r.heap().completeness().partial() ? style.dim("  (not reached from the roots read)") : style.dim("  (unreachable, kept)")));
            } else {
                t.row(number, count(row.retainedBytes()), pct, count(row.objects()), count(row.shallowBytes()), row.label());
            }
        }
        if (t.isEmpty()) out.println("  (the dominator tree is empty)");
        else t.print(out, "", style);
        if (r.more() > 0) out.println(Units.count(r.more()) + " more (--top N or --all to see them)");
        reachability(r.heap());
    }

    private void paths(PathsReport r) {
        String classes = r.classes().size() == 1 ? r.classes().getFirst()
                : count(r.classes().size()) + " classes matching /" + r.pattern() + "/";
        head(r.heap(), "Merged paths from the GC roots to " + count(r.targets()) + " instance(s) of " + classes);
        if (r.classes().isEmpty()) {
            out.println("  no class name matches /" + r.pattern() + "/ (names are Java names: java.util.HashMap$Node, int[])");
            return;
        }
        if (r.classes().size() > 1) out.println(style.dim("  " + String.join(", ", r.classes().subList(0, Math.min(8, r.classes().size())))
                + (r.classes().size() > 8 ? ", ..." : "")));
        out.println("retaining " + count(r.retainedBytes()) + " bytes (" + Units.bytes(r.retainedBytes()) + ", "
                + Numbers.percent(r.retainedBytes(), r.heap().treeBytes()) + " of the heap), each object counted once");
        out.println();
        if (!r.paths().isEmpty()) {
            out.println(style.bold(String.format(Locale.ROOT, "%10s %14s  %s", "objects", "retained", "path (most retained first)")));
            for (PathsReport.Branch b : r.paths()) branch(b, "", "");
        }
        if (r.withoutPath() > 0) {
            out.println();
            if (r.heap().completeness().partial()) {
                out.println(count(r.withoutPath()) + " of them have no path from the GC roots read: held from the part of the dump that was lost, "
                        + "or only through weak references, or garbage (they stay in the dominator tree, under the virtual root)");
            } else {
                out.println(count(r.withoutPath()) + " of them have no path from the GC roots (reachable only through weak or soft references, "
                        + "or garbage)" + (r.heap().references().equals("all") ? "" : "; --include-weak follows referents"));
            }
        }
    }

    /** One line per run of single-child steps, joined by arrows; branches drawn below with box characters. */
    private void branch(PathsReport.Branch b, String lead, String childLead) {
        StringBuilder steps = new StringBuilder(b.step());
        PathsReport.Branch at = b;
        while (at.children().size() == 1 && at.hidden() == null) {
            at = at.children().getFirst();
            steps.append(" → ").append(at.step());
        }
        out.println(String.format(Locale.ROOT, "%10s %14s  %s%s", count(b.objects()), count(b.retainedBytes()), lead, steps));
        List<PathsReport.Branch> children = at.children();
        for (int i = 0; i < children.size(); i++) {
            boolean last = i == children.size() - 1 && at.hidden() == null;
            branch(children.get(i), childLead + (last ? "└─ " : "├─ "), childLead + (last ? "   " : "│  "));
        }
        if (at.hidden() != null) {
            ClassPaths.Hidden h = at.hidden();
            out.println(String.format(Locale.ROOT, "%10s %14s  %s%s", count(h.objects()), count(h.retainedBytes()), childLead + "└─ ",
                    style.dim("… " + count(h.branches()) + " more branch(es) (--top N or --all)")));
        }
    }

    private void suspects(SuspectsReport r) {
        head(r.heap(), "Leak suspects: what retains more than " + trim(r.threshold()) + "% of the heap");
        if (r.suspects().isEmpty()) {
            out.println("  none: no single object, and no class's top-level instances together, retain more than " + trim(r.threshold()) + "%");
        }
        for (SuspectsReport.Suspect s : r.suspects()) {
            String who = s.kind().equals("object") ? "one " + s.className() + " (" + s.objectId() + ")"
                    : count(s.instances()) + " instances of " + s.className();
            out.println();
            out.println(style.bad("Suspect " + s.rank() + ": ") + who + (s.kind().equals("object") ? " retains " : " retain together ")
                    + count(s.retainedBytes()) + " bytes (" + Units.bytes(s.retainedBytes()) + ", " + trim(s.percent()) + "% of the heap)");
            if (s.path() != null) out.println("  " + (s.kind().equals("object") ? "held by:        " : "common path:    ") + s.path().display());
            SuspectsReport.Accumulation a = s.accumulation();
            if (a != null) {
                out.println("  accumulates in: " + (a.depth() == 0 ? "the object itself" : a.className() + " (" + a.objectId() + "), "
                        + a.depth() + " level(s) down, retaining " + count(a.retainedBytes()) + " bytes (" + trim(a.percent()) + "%)"));
            }
        }
        reachability(r.heap());
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }

    private void reachability(GraphHeap h) {
        out.println();
        for (String line : reachabilityLines(h.reachability(), h.completeness().partial())) out.println(style.dim(line));
    }

    /**
     * The reachability footer: how much of the dump is not strongly reachable, never silently dropped. In a partial
     * dump "unreachable" may mean held from the part that was lost, so those objects are named for what is known.
     */
    static List<String> reachabilityLines(ReachabilityCounts r, boolean partialDump) {
        java.util.ArrayList<String> lines = new java.util.ArrayList<>();
        lines.add("reachable:   " + count(r.strong().objects()) + " objects, " + count(r.strong().bytes()) + " bytes");
        if (r.weak().objects() > 0) {
            lines.add("weakly reachable only: " + count(r.weak().objects()) + " objects, " + count(r.weak().bytes())
                    + " bytes (in the tree, under the GC roots)");
        }
        lines.add("unreachable: " + count(r.unreachable().objects()) + " objects, " + count(r.unreachable().bytes()) + " bytes"
                + (r.unreachable().objects() > 0 ? " (garbage the dump still held: not in the dominator tree; --keep-unreachable puts it in)" : ""));
        if (r.unreachableKept().objects() > 0) {
            lines.add((partialDump ? "not reached from the roots read, kept in the tree (held from the lost part, or garbage): "
                    : "unreachable, kept (--keep-unreachable): ") + count(r.unreachableKept().objects()) + " objects, "
                    + count(r.unreachableKept().bytes()) + " bytes");
        }
        return lines;
    }
}
