package org.hprofdiff.core.summary.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.hprofdiff.core.summary.ClassStats;
import org.hprofdiff.core.summary.DumpSummary;

/**
 * Rows of a partial dump whose class loader was in the part that was lost. The loader object is where its class
 * is found, so the reader labels such a loader {@link ClassStats#UNKNOWN_LOADER}: the row's class would get a new
 * identity and, present in no other dump, rank as a grower from zero. Each such row is matched by name to its
 * counterpart: when the other rows of that class name, in every dump of the series, name exactly one loader, and
 * the partial dump itself has no row of that name and loader, the row is that class. Otherwise (a name no other
 * dump has, or one several loaders define) it is set apart: labelled {@link Trend#LOADER_LOST}, never ranked.
 */
final class LostLoaders {
    /** Per dump, for a row with a lost loader: the loader label it is matched to, or absent when it is set apart. */
    private final List<Map<String, String>> matched;
    private final boolean[] partial;

    private LostLoaders(List<Map<String, String>> matched, boolean[] partial) {
        this.matched = matched;
        this.partial = partial;
    }

    /**
     * @param rows   the table of one dump (classes, or long arrays by length)
     * @param name   a row's class name
     * @param loader a row's loader label
     */
    static <T> LostLoaders of(List<DumpSummary> dumps, Function<DumpSummary, List<T>> rows, Function<T, String> name,
                              Function<T, String> loader) {
        Map<String, Set<String>> known = new HashMap<>(); // class name -> loader labels that are not lost
        List<Set<String>> pairs = new ArrayList<>();      // per dump: "name\0loader" of its rows
        boolean[] partial = new boolean[dumps.size()];
        for (int d = 0; d < dumps.size(); d++) {
            DumpSummary dump = dumps.get(d);
            partial[d] = dump.completeness() != null && dump.completeness().partial();
            Set<String> here = new HashSet<>();
            for (T row : table(dump, rows)) {
                here.add(name.apply(row) + '\0' + loader.apply(row));
                if (!lost(loader.apply(row))) known.computeIfAbsent(name.apply(row), k -> new HashSet<>()).add(loader.apply(row));
            }
            pairs.add(here);
        }
        List<Map<String, String>> matched = new ArrayList<>();
        for (int d = 0; d < dumps.size(); d++) {
            Map<String, String> byName = new HashMap<>();
            if (partial[d]) {
                for (T row : table(dumps.get(d), rows)) {
                    if (!lost(loader.apply(row))) continue;
                    Set<String> labels = known.getOrDefault(name.apply(row), Set.of());
                    if (labels.size() != 1) continue;
                    String only = labels.iterator().next();
                    if (!pairs.get(d).contains(name.apply(row) + '\0' + only)) byName.put(name.apply(row), only);
                }
            }
            matched.add(byName);
        }
        return new LostLoaders(matched, partial);
    }

    /** A row's loader label as the series aligns it: its own, or its counterpart's when its loader was lost. */
    String loader(int dump, String name, String loader) {
        if (!partial[dump] || !lost(loader)) return loader;
        return matched.get(dump).getOrDefault(name, loader);
    }

    /** Whether the row, as aligned, is one that could not be matched: its loader is lost in a partial dump. */
    boolean setApart(int dump, String name, String loader) {
        return partial[dump] && lost(loader(dump, name, loader));
    }

    /** "unknown loader", or "unknown loader#2" when several lost loaders define one name. */
    private static boolean lost(String loader) {
        return loader.equals(ClassStats.UNKNOWN_LOADER) || loader.startsWith(ClassStats.UNKNOWN_LOADER + "#");
    }

    private static <T> List<T> table(DumpSummary dump, Function<DumpSummary, List<T>> rows) {
        List<T> table = rows.apply(dump);
        return table == null ? List.of() : table;
    }
}
