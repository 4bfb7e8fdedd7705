package org.hprofdiff.index.growth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hprofdiff.core.summary.SummaryPaths;
import org.hprofdiff.core.summary.diff.PathGrowth;

/**
 * A row's paths in one dump as the series compares them, whether they come from the dump's index or from a saved
 * summary ({@link SummaryPaths}): each path's words ({@link PathGrowth.Description}) with the objects that take it and
 * the bytes they retain. Written to a summary and read back without a change, so a summary stands for its dump.
 */
final class KeptPaths {
    /** One path of a row in one dump: what it is, and its numbers there. */
    record Seen(PathGrowth.Description description, long objects, long retainedBytes) {}

    private KeptPaths() {}

    /** A row's paths found in a dump's index, described. */
    static Map<String, Seen> described(Map<String, DumpPaths.Found> found, boolean arrays) {
        Map<String, Seen> seen = new LinkedHashMap<>();
        found.forEach((signature, f) -> seen.put(signature,
                new Seen(PathText.describe(signature, f.steps(), f.alsoHeldBy(), f.loaderFacts(), arrays), f.objects(), f.retainedBytes())));
        return seen;
    }

    /** Builds the step table and the rows of a {@link SummaryPaths}, row by row. */
    static final class Writer {
        private final List<SummaryPaths.Step> steps = new ArrayList<>();
        private final Map<SummaryPaths.Step, Integer> positions = new HashMap<>();
        private final List<SummaryPaths.RowPaths> rows = new ArrayList<>();
        private final SummaryPaths.Floor floor;

        Writer(SummaryPaths.Floor floor) {
            this.floor = floor;
        }

        /** Keeps a row's paths (see {@link SummaryPaths.Floor}), those with the most objects first. */
        void row(String row, Map<String, Seen> paths) {
            List<Seen> sorted = paths.values().stream()
                    .sorted(Comparator.comparingLong(Seen::objects).reversed().thenComparing(s -> s.description().signature())).toList();
            List<Seen> kept = new ArrayList<>();
            for (int i = 0; i < sorted.size(); i++) {
                Seen p = sorted.get(i);
                if (i < floor.topPaths() || p.objects() >= floor.pathObjects() || p.retainedBytes() >= floor.pathRetainedBytes()) kept.add(p);
            }
            List<SummaryPaths.KeptPath> out = new ArrayList<>(kept.size());
            for (Seen s : kept) out.add(keep(s));
            rows.add(new SummaryPaths.RowPaths(row, out));
        }

        private SummaryPaths.KeptPath keep(Seen s) {
            PathGrowth.Description d = s.description();
            List<Integer> path = new ArrayList<>(d.steps().size());
            for (int i = 0; i < d.steps().size(); i++) path.add(position(new SummaryPaths.Step(d.steps().get(i), d.display().get(i))));
            // another holder's words are its steps' display texts joined; they are kept whole, as one step each
            List<List<Integer>> also = d.alsoHeldBy().stream().map(words -> List.of(position(new SummaryPaths.Step("", words)))).toList();
            PathGrowth.PathOwner o = d.owner();
            PathGrowth.LoaderHold l = d.loader();
            return new SummaryPaths.KeptPath(path, s.objects(), s.retainedBytes(), d.rootKind(), d.holderPackage(), also,
                    o == null ? null : new SummaryPaths.Owner(o.collection(), o.field(), o.display()),
                    l == null ? null : new SummaryPaths.Loader(l.loader(), l.step(), l.loaders(), l.classes(), l.retainedBytes()));
        }

        private int position(SummaryPaths.Step step) {
            return positions.computeIfAbsent(step, s -> {
                steps.add(s);
                return steps.size() - 1;
            });
        }

        SummaryPaths build() {
            return new SummaryPaths(floor, steps, rows);
        }
    }

    /** A row's paths as a saved summary keeps them; empty when it kept none for the row. */
    static Map<String, Seen> read(SummaryPaths summary, String row) {
        Map<String, Seen> seen = new LinkedHashMap<>();
        for (SummaryPaths.RowPaths r : summary.rows()) {
            if (!r.row().equals(row)) continue;
            for (SummaryPaths.KeptPath p : r.paths()) {
                List<String> signatures = p.steps().stream().map(i -> summary.steps().get(i).signature()).toList();
                List<String> display = p.steps().stream().map(i -> summary.steps().get(i).display()).toList();
                List<String> also = p.alsoHeldBy().stream()
                        .map(holder -> String.join(" → ", holder.stream().map(i -> summary.steps().get(i).display()).toList())).toList();
                SummaryPaths.Owner o = p.owner();
                SummaryPaths.Loader l = p.loader();
                String signature = String.join(" → ", signatures);
                PathGrowth.Description d = new PathGrowth.Description(signature, p.rootKind(), signatures, display, p.holderPackage(), also,
                        o == null ? null : new PathGrowth.PathOwner(o.collection(), o.field(), o.display()),
                        l == null ? null : new PathGrowth.LoaderHold(l.loader(), l.step(), l.loaders(), l.classes(), l.retainedBytes()));
                seen.put(signature, new Seen(d, p.objects(), p.retainedBytes()));
            }
        }
        return seen;
    }
}
