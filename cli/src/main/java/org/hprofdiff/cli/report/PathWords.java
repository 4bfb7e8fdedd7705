package org.hprofdiff.cli.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hprofdiff.core.summary.diff.DuplicateGrowth;
import org.hprofdiff.core.summary.diff.GrowthRow;
import org.hprofdiff.core.summary.diff.LoaderGrowth;
import org.hprofdiff.core.summary.diff.MetricChange;
import org.hprofdiff.core.summary.diff.PathGrowth;
import org.hprofdiff.core.summary.diff.Units;
import org.hprofdiff.core.summary.diff.Verdict;

/**
 * Retention paths in words, the same in every format: the path as people read it, where else it is held,
 * whose arrays these are, and the answer lines that come first in a report (docs/growth-analysis.md,
 * section 6). Plain strings; markup is the renderers'.
 */
public final class PathWords {
    /** Answer lines for class rows; the rest of the growers with paths are in the tables. */
    static final int CLASS_ANSWERS = 3;
    /** Answer lines for arrays-by-length rows: the arrays people spot first, tied to their owners. */
    static final int ARRAY_ANSWERS = 2;
    /** Package prefixes of the JDK's own classes. */
    private static final List<String> JDK = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");
    /** With more dumps than this, a path's numbers read first → … → last (as the tables do). */
    static final int MAX_SERIES_SHOWN = 5;
    /** Heading of the answer lines. */
    public static final String ANSWERS_HEADING = "Held by growing retention paths:";

    private PathWords() {}

    /** The path, root first, ending at the row's class: {@code static Reaper.INSTANCE → managers → … → Conn} (the signature when it has no words). */
    public static String path(PathGrowth p) {
        return p.display().isEmpty() ? p.signature() : String.join(" → ", p.display());
    }

    /** The path without the row's own class at its end: what holds the objects. */
    public static String heldBy(PathGrowth p) {
        List<String> steps = p.display().isEmpty() ? p.steps() : p.display();
        return String.join(" → ", steps.subList(0, Math.max(1, steps.size() - 1)));
    }

    /**
     * {@code "also held by thread "reaper" local in Reaper$Task.run → Reaper$Task.map → ConcurrentHashMap.table"}:
     * the other kinds of holder of the object where the path's objects accumulate; null when there are none.
     */
    public static String also(PathGrowth p) {
        return p.alsoHeldBy().isEmpty() ? null : "also held by " + String.join("; and by ", p.alsoHeldBy());
    }

    /** {@code "the table of HashMap"}: whose field holds arrays reached by this path; null when the path does not end at an array's owner. */
    public static String owner(PathGrowth p) {
        return p.owner() == null ? null : "the " + p.owner().field() + " of " + simpleName(p.owner().collection());
    }

    /** {@code "20 → 40 → 60 objects, +3.8 MB retained"} (retained bytes when they moved). */
    public static String numbers(PathGrowth p) {
        return series(p) + " objects"
                + (p.retained() == null || p.retained().change() == 0 ? "" : ", " + Units.signedBytes(p.retained().change()) + " retained");
    }

    /** A class name without its package: {@code java.util.HashMap$Node[16384]} → {@code HashMap$Node[16384]}. */
    public static String simpleName(String name) {
        int bracket = name.indexOf('[');
        String base = bracket < 0 ? name : name.substring(0, bracket);
        return base.substring(base.lastIndexOf('.') + 1) + (bracket < 0 ? "" : name.substring(bracket));
    }

    /** The first steadily growing path of a row, or null. Rows list their growing paths first, most growing first. */
    public static PathGrowth growingPath(GrowthRow row) {
        return growingPath(row.paths());
    }

    private static PathGrowth growingPath(List<PathGrowth> paths) {
        if (paths == null) return null;
        return paths.stream().filter(p -> p.trend().leakSuspect()).findFirst().orElse(null);
    }

    /**
     * {@code "class loaders report-plugin-v# (java.net.URLClassLoader): 2 → 4 → 6 (+2/interval), which cannot be
     * unloaded: held by static DriverManager.registeredDrivers (java.sql) → … → CsvReportDriver.<class>; they keep
     * 72 classes, 3.4 MB"}: loaders that grow in number, what holds them and what they keep.
     */
    private static Answer loaderAnswer(LoaderGrowth row, PathGrowth p, Kept kept) {
        PathGrowth.LoaderHold l = p.loader();
        String loader = l == null ? row.loaderClass() : l.loader();
        String subject = (p.instances().last() == 1 ? "class loader " : "class loaders ") + loader;
        List<String> steps = p.display().isEmpty() ? p.steps() : p.display();
        int holderSteps = l == null ? steps.size() - 1 : l.step();
        String keeps = l == null ? "" : "; " + (l.loaders() == 1 ? "it keeps " : "they keep ") + Units.count(l.classes()) + " classes, "
                + Units.bytes(l.retainedBytes());
        String among = kept.among().isEmpty() ? "" : ", among them " + String.join("; ", kept.among());
        String line = subject + ": " + series(p) + " (" + perInterval(p.instances()) + "/interval), which cannot be unloaded: held by "
                + withPackage(steps.subList(0, Math.max(1, holderSteps)), p) + keeps + among + tail(p)
                + (kept.with().isEmpty() ? "" : "; with them: " + String.join(", ", kept.with()));
        return new Answer(subject, p, line);
    }

    /**
     * One answer line and what it names: a grower held by a steadily growing path.
     *
     * @param subject  what grows, as the line names it ({@code PoolingHttpClientConnectionManager},
     *                 {@code class loaders report-plugin-v# (java.net.URLClassLoader)})
     * @param path     its growing path
     * @param line     the line as every format shows it
     */
    public record Answer(String subject, PathGrowth path, String line) {}

    /** Loader classes whose growing paths make answer lines of their own, first: a loader leak explains what grows in it. */
    static final int LOADER_ANSWERS = 2;

    /**
     * The answer in a few lines: each grower held by a steadily growing path, the program's own classes before
     * the JDK's, most retained growth first; a grower whose growing path runs through the objects of one already
     * named (or holds them) is named with it rather than on a line of its own. Then the growing arrays by
     * length, each tied to the object that holds it. Empty when no path grows.
     *
     * <pre>
     * PoolingHttpClientConnectionManager: 20 → 40 → 60 (+20/interval, +1.7/h), held by static IdleConnectionReaper.INSTANCE
     *   (com.acme.http) → connectionManagers → ConcurrentHashMap.table → ConcurrentHashMap$Node[] [*] → ConcurrentHashMap$Node.key;
     *   also held by thread "idle-connection-reaper" local in IdleConnectionReaper$ReaperTask.run → …
     * </pre>
     */
    static List<Answer> answers(List<LoaderGrowth> loaders, List<DuplicateGrowth> duplicates, List<GrowthRow> steadyGrowers,
                                List<GrowthRow> arraysByLength, Function<GrowthRow, String> names) {
        // the classes defined anew with every kept loader: a path through one of them is inside the leaked loaders
        List<String> repeatedClasses = duplicates.stream().filter(d -> d.loaders().change() > 0).map(d -> d.name() + ".<class>").toList();
        // a loader leak first: the classes that grow inside the loaders it keeps are named with it
        Map<LoaderGrowth, Kept> byLoader = new LinkedHashMap<>();
        loaders.stream().filter(row -> row.trend().leakSuspect() && growingPath(row.paths()) != null).limit(LOADER_ANSWERS)
                .forEach(row -> byLoader.put(row, new Kept(new ArrayList<>(), new ArrayList<>())));
        List<GrowthRow> classes = new ArrayList<>(steadyGrowers.stream().filter(PathWords::growsInCount).toList());
        classes.sort(java.util.Comparator.comparing((GrowthRow row) -> isJdk(row.name()))
                .thenComparing(java.util.Comparator.comparingLong((GrowthRow row) -> retainedGrowth(growingPath(row))).reversed()));
        Map<GrowthRow, List<String>> answered = new LinkedHashMap<>();
        for (GrowthRow row : classes) {
            PathGrowth p = growingPath(row);
            LoaderGrowth inLoader = byLoader.keySet().stream()
                    .filter(l -> insideLoaders(p, growingPath(l.paths())) || related(p, growingPath(l.paths()))
                            || p.signature().equals(growingPath(l.paths()).signature()) || p.steps().stream().anyMatch(repeatedClasses::contains))
                    .findFirst().orElse(null);
            if (inLoader != null) {
                byLoader.get(inLoader).with().add(simpleName(names.apply(row)));
                String among = firstStaticAfter(p, growingPath(inLoader.paths()).steps().size() - 1);
                if (among != null && !byLoader.get(inLoader).among().contains(among)) byLoader.get(inLoader).among().add(among);
                continue;
            }
            GrowthRow same = answered.keySet().stream().filter(a -> related(p, growingPath(a))).findFirst().orElse(null);
            if (same != null) answered.get(same).add(simpleName(names.apply(row)));
            else if (answered.size() < CLASS_ANSWERS) answered.put(row, new ArrayList<>());
        }
        List<Answer> lines = new ArrayList<>();
        byLoader.forEach((row, kept) -> lines.add(loaderAnswer(row, growingPath(row.paths()), kept)));
        answered.forEach((row, with) -> lines.add(new Answer(simpleName(names.apply(row)), growingPath(row),
                classAnswer(names.apply(row), growingPath(row), with))));
        arraysByLength.stream().filter(PathWords::growsInCount).limit(ARRAY_ANSWERS)
                .forEach(row -> lines.add(new Answer(simpleName(names.apply(row)), growingPath(row), arrayAnswer(names.apply(row), growingPath(row)))));
        return lines;
    }

    /** What a loader answer names besides the loaders: the growers inside them, and the static fields they are held by. */
    private record Kept(List<String> with, List<String> among) {}

    /**
     * Whether a row has a growing path whose objects increase in number: one object whose retained size grows
     * (a class list that holds a class with a growing static) is shown in the tables, but answers nothing.
     */
    private static boolean growsInCount(GrowthRow row) {
        PathGrowth p = growingPath(row);
        return p != null && p.instances().change() > 0;
    }

    /** Whether {@code p} runs through the loaders {@code loaders} leads to: the loaders' path is a prefix of it. */
    private static boolean insideLoaders(PathGrowth p, PathGrowth loaders) {
        List<String> held = loaders.steps().subList(0, loaders.steps().size() - 1);
        return !held.isEmpty() && p.steps().size() > held.size() + 1 && p.steps().subList(0, held.size()).equals(held);
    }

    /** The first static field on a path from step {@code from} on (past the loader): {@code static ReportPlugin.TEMPLATES}; null when there is none. */
    private static String firstStaticAfter(PathGrowth p, int from) {
        List<String> steps = p.display().isEmpty() ? p.steps() : p.display();
        for (int i = Math.max(0, from); i < steps.size() - 1; i++) if (steps.get(i).startsWith("static ")) return steps.get(i);
        return null;
    }

    /**
     * The report's first line when an answer names the leak: the grower, its holder and its retained growth
     * before the class-level counts, since {@code byte[]} or {@code String} top those in every leak.
     * {@code "Leak suspected: PoolingHttpClientConnectionManager held by static IdleConnectionReaper.INSTANCE,
     * +20 per interval (+2.0 MB retained); 13 classes grew in every interval (+1,440 objects, +3.9 MB)."}
     */
    static String headline(Answer lead, Verdict verdict) {
        PathGrowth p = lead.path();
        MetricChange m = p.instances();
        String who = lead.subject() + " held by " + firstStep(p);
        String retained = p.retained() == null || p.retained().change() <= 0 ? ""
                : " (" + Units.signedBytes(p.retained().change() / m.intervalDeltas().size()) + " retained)";
        String counts = verdict.summary().replaceFirst("^Leak suspected: ", "").replaceFirst("; top: .*$", "");
        return "Leak suspected: " + who + ", " + perInterval(m) + " per interval" + retained + "; " + counts + ".";
    }

    private static String firstStep(PathGrowth p) {
        return p.display().isEmpty() ? p.steps().getFirst() : p.display().getFirst();
    }

    private static String classAnswer(String name, PathGrowth p, List<String> with) {
        return head(name, p) + ", " + holder(p) + tail(p) + (with.isEmpty() ? "" : "; with it: " + String.join(", ", with));
    }

    private static String arrayAnswer(String name, PathGrowth p) {
        if (p.owner() == null) return head(name, p) + ", " + holder(p) + tail(p);
        List<String> ownerPath = p.owner().display();
        return head(name, p) + ", " + owner(p) + " held by " + withPackage(ownerPath.subList(0, Math.max(1, ownerPath.size() - 1)), p) + tail(p);
    }

    /**
     * What holds the path's objects, in words: {@code held by static Reaper.INSTANCE (com.acme) → …}; through a
     * class loader that could be unloaded: {@code in class loader report-plugin-v# (java.net.URLClassLoader),
     * which cannot be unloaded: held by … → CsvReportDriver.<class>; it keeps 36 classes, 1.2 MB, among them
     * static ReportPlugin.TEMPLATES → …}.
     */
    static String holder(PathGrowth p) {
        List<String> steps = p.display().isEmpty() ? p.steps() : p.display();
        PathGrowth.LoaderHold l = p.loader();
        if (l == null || l.step() <= 0 || l.step() >= steps.size()) return "held by " + withPackage(steps.subList(0, Math.max(1, steps.size() - 1)), p);
        boolean isTheLoader = l.step() == steps.size() - 2; // the row's objects are the loaders themselves
        String keeps = (l.loaders() == 1 ? "it keeps " : "they keep ") + Units.count(l.classes()) + " classes, " + Units.bytes(l.retainedBytes());
        String among = "";
        int firstStatic = -1;
        for (int i = l.step() + 1; i < steps.size() - 1 && firstStatic < 0; i++) if (steps.get(i).startsWith("static ")) firstStatic = i;
        if (firstStatic > 0) among = ", among them " + String.join(" → ", steps.subList(firstStatic, steps.size() - 1));
        String loaders = l.loaders() > 1 ? Units.count(l.loaders()) + " class loaders " + l.loader() + ", which cannot be unloaded:"
                : "class loader " + l.loader() + ", which cannot be unloaded:";
        return (isTheLoader ? "" : "in ") + loaders + " held by " + withPackage(steps.subList(0, l.step()), p) + "; " + keeps + among;
    }

    /** The steps joined, the first one followed by the holder's package: {@code static Reaper.INSTANCE (com.acme) → map}. */
    private static String withPackage(List<String> steps, PathGrowth p) {
        if (p.holderPackage() == null || steps.isEmpty()) return String.join(" → ", steps);
        List<String> shown = new ArrayList<>(steps);
        shown.set(0, shown.getFirst() + " (" + p.holderPackage() + ")");
        return String.join(" → ", shown);
    }

    /** {@code "Conn: 20 → 40 → 60 (+20/interval, +1.7/h)"}: the objects through the path in each dump. */
    private static String head(String name, PathGrowth p) {
        MetricChange m = p.instances();
        return simpleName(name) + ": " + series(p) + " (" + perInterval(m) + "/interval"
                + (m.perHour() == null ? "" : ", " + Units.countRate(m.perHour())) + ")";
    }

    /** The change per interval: {@code +20}, or {@code +6.5} when the intervals do not divide it. */
    private static String perInterval(MetricChange m) {
        int intervals = m.intervalDeltas().size();
        return m.change() % intervals == 0 ? Units.signedCount(m.change() / intervals)
                : String.format(java.util.Locale.ROOT, "%+,.1f", (double) m.change() / intervals);
    }

    /** The objects through the path in each dump, oldest first: {@code "20 → 40 → 60"} (first → … → last for long series). */
    private static String series(PathGrowth p) {
        List<String> shown = p.samples().stream().map(x -> Units.count(x.instances())).toList();
        return shown.size() > MAX_SERIES_SHOWN ? shown.getFirst() + " → … → " + shown.getLast() : String.join(" → ", shown);
    }

    private static String tail(PathGrowth p) {
        String also = also(p);
        return also == null ? "" : "; " + also;
    }

    /** Whether one path runs through the other's objects: the other's path, then a step out of its class. */
    private static boolean related(PathGrowth a, PathGrowth b) {
        return runsThrough(a.signature(), b.signature()) || runsThrough(b.signature(), a.signature());
    }

    private static boolean runsThrough(String path, String through) {
        return path.startsWith(through + ".") || path.startsWith(through + " [*]");
    }

    private static long retainedGrowth(PathGrowth p) {
        return p.retained() == null ? 0 : p.retained().change();
    }

    private static boolean isJdk(String className) {
        return JDK.stream().anyMatch(className::startsWith);
    }
}
