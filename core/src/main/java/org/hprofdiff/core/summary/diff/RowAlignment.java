package org.hprofdiff.core.summary.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.hprofdiff.core.summary.ArrayLengthStats;
import org.hprofdiff.core.summary.ClassStats;
import org.hprofdiff.core.summary.DumpSummary;

/**
 * Lines up the rows of a table across the dumps of a series by key (class name + loader; for arrays by
 * length also the length), never by object id. A dump without a row gets an absent sample (0). A partial dump's
 * row whose loader was lost is aligned with its counterpart, or set apart ({@link LostLoaders}).
 */
final class RowAlignment {

    /**
     * What identifies and names a row; the same in every dump that has it.
     *
     * @param loaderLost the row is a partial dump's class whose loader was lost and that matches none of the other dumps
     */
    record Identity(String key, String label, String name, String loader, ClassStats.Kind kind, Integer arrayLength, boolean loaderLost) {}

    /** One row and its sample in every dump, in series order. */
    record Aligned(Identity identity, List<Sample> samples) {}

    private RowAlignment() {}

    static List<Aligned> classes(List<DumpSummary> dumps) {
        LostLoaders lost = LostLoaders.of(dumps, DumpSummary::classes, ClassStats::name, ClassStats::loader);
        return align(dumps, DumpSummary::classes, (dump, stats) -> identity(stats, lost, dump),
                stats -> new Sample(stats.instances() > 0, stats.instances(), stats.shallowBytes(), stats.retainedBytes()),
                retainedKnown(dumps));
    }

    static List<Aligned> arraysByLength(List<DumpSummary> dumps) {
        // Arrays-by-length rows carry no retained size.
        LostLoaders lost = LostLoaders.of(dumps, DumpSummary::arraysByLength, ArrayLengthStats::name, ArrayLengthStats::loader);
        return align(dumps, DumpSummary::arraysByLength, (dump, stats) -> identity(stats, lost, dump),
                stats -> new Sample(stats.instances() > 0, stats.instances(), stats.shallowBytes(), null),
                new boolean[dumps.size()]);
    }

    private static Identity identity(ClassStats stats, LostLoaders lost, int dump) {
        String loader = lost.loader(dump, stats.name(), stats.loader());
        ClassStats aligned = new ClassStats(stats.name(), loader, stats.kind(), stats.instances(), stats.shallowBytes(), stats.retainedBytes());
        return new Identity(aligned.key(), aligned.key(), stats.name(), loader, stats.kind(), null, lost.setApart(dump, stats.name(), stats.loader()));
    }

    private static Identity identity(ArrayLengthStats stats, LostLoaders lost, int dump) {
        String loader = lost.loader(dump, stats.name(), stats.loader());
        String label = ArrayLengthStats.key(stats.label(), loader);
        return new Identity(label, label, stats.name(), loader, ClassStats.Kind.OBJECT_ARRAY, stats.length(),
                lost.setApart(dump, stats.name(), stats.loader()));
    }

    private static <T> List<Aligned> align(List<DumpSummary> dumps, Function<DumpSummary, List<T>> rows,
                                           BiFunction<Integer, T, Identity> identityOf, Function<T, Sample> sampleOf,
                                           boolean[] retainedKnown) {
        int n = dumps.size();
        Map<String, Identity> identities = new LinkedHashMap<>();
        Map<String, Sample[]> samples = new LinkedHashMap<>();
        for (int dump = 0; dump < n; dump++) {
            List<T> table = rows.apply(dumps.get(dump));
            for (T row : table == null ? List.<T>of() : table) {
                Identity identity = identityOf.apply(dump, row);
                // a key set apart in any dump is set apart in all: its rows are not the same class for certain
                identities.merge(identity.key(), identity, (kept, other) -> other.loaderLost() && !kept.loaderLost() ? other : kept);
                Sample[] series = samples.computeIfAbsent(identity.key(), key -> new Sample[n]);
                // Keys are unique within a summary; if a producer ever repeats one, its rows add up.
                series[dump] = series[dump] == null ? sampleOf.apply(row) : plus(series[dump], sampleOf.apply(row));
            }
        }
        List<Aligned> aligned = new ArrayList<>(samples.size());
        for (Map.Entry<String, Sample[]> entry : samples.entrySet()) {
            List<Sample> series = new ArrayList<>(n);
            for (int dump = 0; dump < n; dump++) {
                Sample sample = entry.getValue()[dump];
                series.add(sample != null ? sample : Sample.absent(retainedKnown[dump]));
            }
            aligned.add(new Aligned(identities.get(entry.getKey()), series));
        }
        return aligned;
    }

    /** A dump has retained sizes when its summary gives one for any class (they are all computed at once). */
    private static boolean[] retainedKnown(List<DumpSummary> dumps) {
        boolean[] known = new boolean[dumps.size()];
        for (int dump = 0; dump < dumps.size(); dump++) {
            List<ClassStats> classes = dumps.get(dump).classes();
            known[dump] = classes != null && classes.stream().anyMatch(stats -> stats.retainedBytes() != null);
        }
        return known;
    }

    private static Sample plus(Sample a, Sample b) {
        Long retained = a.retainedBytes() == null || b.retainedBytes() == null ? null : a.retainedBytes() + b.retainedBytes();
        long instances = a.instances() + b.instances();
        return new Sample(instances > 0, instances, a.shallowBytes() + b.shallowBytes(), retained);
    }
}
