package org.hprofdiff.cli.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.hprofdiff.cli.report.HistogramReport.Count;
import org.hprofdiff.cli.report.HistogramReport.GroupBy;
import org.hprofdiff.cli.report.HistogramReport.Query;
import org.hprofdiff.cli.report.HistogramReport.Row;
import org.hprofdiff.cli.report.HistogramReport.SortBy;
import org.hprofdiff.cli.report.HistogramReport.Totals;
import org.hprofdiff.core.summary.ArrayLengthStats;
import org.hprofdiff.core.summary.ClassStats;
import org.hprofdiff.core.summary.DumpSummary;

/** Turns a dump's summary into the histogram rows a query asks for. Pure: no I/O. */
public final class HistogramQuery {
    private static final Set<String> PRIMITIVES = Set.of("boolean", "byte", "char", "short", "int", "long", "float", "double");

    private HistogramQuery() {}

    public static HistogramReport run(DumpSummary summary, Query query) {
        return run(summary, query, null);
    }

    /**
     * With retained sizes ({@code --retained}): the summary's classes carry their class-level retained bytes, and
     * {@code retained} the retained bytes of packages and loaders and the reachability; null for none.
     */
    public static HistogramReport run(DumpSummary summary, Query query, RetainedColumn retained) {
        Pattern filter = query.filter() == null ? null : Pattern.compile(query.filter());
        List<ClassStats> matching = summary.classes().stream()
                .filter(c -> filter == null || filter.matcher(c.name()).find())
                .toList();
        List<Row> rows = switch (query.groupBy()) {
            case CLASS -> classRows(matching, query.arraysByLength() ? arraysOf(matching, summary.arraysByLength()) : List.of());
            case PACKAGE -> grouped(matching, c -> packageOf(c.name()), retained == null ? null : retained::ofPackage);
            case LOADER -> grouped(matching, ClassStats::loader, retained == null ? null : retained::ofLoader);
        };
        Comparator<Row> order = switch (query.sortBy()) {
            case COUNT -> Comparator.comparingLong(Row::instances).reversed().thenComparing(Comparator.comparingLong(Row::shallowBytes).reversed());
            case SHALLOW -> Comparator.comparingLong(Row::shallowBytes).reversed().thenComparing(Comparator.comparingLong(Row::instances).reversed());
            case RETAINED -> Comparator.comparing(Row::retainedBytes, Comparator.nullsLast(Comparator.reverseOrder()))
                    .thenComparing(Comparator.comparingLong(Row::shallowBytes).reversed());
        };
        List<Row> sorted = rows.stream().sorted(order.thenComparing(Row::label)).toList();
        List<Row> shown = query.top() == null ? sorted : sorted.subList(0, Math.min(query.top(), sorted.size()));
        Count dump = new Count(summary.totals().objects(), summary.totals().shallowBytes(), summary.classes().size());
        Totals totals = new Totals(dump, count(rows, rows.size()), count(shown, shown.size()));
        return new HistogramReport(summary.dump(), summary.sizeModel(), query, shown, totals, summary.completeness(),
                retained == null ? null : retained.reachability());
    }

    /** The by-length rows of the classes that matched the filter. */
    private static List<ArrayLengthStats> arraysOf(List<ClassStats> classes, List<ArrayLengthStats> byLength) {
        Set<String> keys = new java.util.HashSet<>();
        for (ClassStats c : classes) keys.add(c.name() + '\0' + c.loader());
        return byLength.stream().filter(a -> keys.contains(a.name() + '\0' + a.loader())).toList();
    }

    /** The package a class row belongs to; primitive arrays and the unnamed package get a name of their own. */
    static String packageOf(String className) {
        String element = className;
        while (element.endsWith("[]")) element = element.substring(0, element.length() - 2);
        if (PRIMITIVES.contains(element)) return "(primitive arrays)";
        int dot = element.lastIndexOf('.');
        return dot < 0 ? "(unnamed package)" : element.substring(0, dot);
    }

    private static List<Row> classRows(List<ClassStats> classes, List<ArrayLengthStats> byLength) {
        Map<String, Long> loadersPerName = new HashMap<>();
        for (ClassStats c : classes) loadersPerName.merge(c.name(), 1L, Long::sum);
        // Object arrays split out by length are taken out of their class's row; the row keeps the rest.
        Map<String, long[]> splitOff = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (ArrayLengthStats a : byLength) {
            long[] taken = splitOff.computeIfAbsent(a.name() + '\0' + a.loader(), k -> new long[2]);
            taken[0] += a.instances();
            taken[1] += a.shallowBytes();
            rows.add(new Row(withLoader(a.label(), a.loader(), loadersPerName.getOrDefault(a.name(), 1L)), a.loader(), a.instances(), a.shallowBytes(), 1));
            // no retained bytes for one length: the class-level figure covers all lengths
        }
        for (ClassStats c : classes) {
            long[] taken = splitOff.getOrDefault(c.name() + '\0' + c.loader(), new long[2]);
            String label = withLoader(c.name(), c.loader(), loadersPerName.get(c.name()));
            if (taken[0] > 0) {
                if (c.instances() == taken[0]) continue;
                label += " (other lengths)";
            }
            rows.add(new Row(label, c.loader(), c.instances() - taken[0], c.shallowBytes() - taken[1], 1, taken[0] > 0 ? null : c.retainedBytes()));
        }
        return rows;
    }

    private static String withLoader(String name, String loader, long loadersOfName) {
        return loadersOfName > 1 ? name + " (loader " + loader + ")" : name;
    }

    private static List<Row> grouped(List<ClassStats> classes, Function<ClassStats, String> key, Function<String, Long> retained) {
        Map<String, long[]> groups = new LinkedHashMap<>();
        for (ClassStats c : classes) {
            long[] g = groups.computeIfAbsent(key.apply(c), k -> new long[3]);
            g[0] += c.instances();
            g[1] += c.shallowBytes();
            g[2]++;
        }
        List<Row> rows = new ArrayList<>();
        groups.forEach((label, g) -> rows.add(new Row(label, null, g[0], g[1], g[2], retained == null ? null : retained.apply(label))));
        return rows;
    }

    private static Count count(List<Row> rows, long rowCount) {
        long objects = 0, bytes = 0;
        for (Row r : rows) {
            objects += r.instances();
            bytes += r.shallowBytes();
        }
        return new Count(objects, bytes, rowCount);
    }
}
