package org.hprofdiff.core.summary;

import java.util.List;

/**
 * The retention paths a saved summary keeps, so that it can stand for its dump in a series
 * (docs/growth-analysis.md, section 6): for every row big enough to matter — a class, a long array's length, a
 * loader class — its merged shortest paths from the GC roots, each with the objects that take it and the bytes
 * they retain, and everything the answer says of it (other holders, the array's owner, the class loader that
 * cannot be unloaded). The same numbers and words a dump's index gives, computed the same way, so a series gives
 * the same answer whether a dump or its summary stands in it.
 *
 * <p>Step texts are kept once in {@link #steps} and named by their position, since thousands of paths share
 * their first steps.
 *
 * @param floor  which rows were kept
 * @param steps  every step of every kept path: signature and display text
 * @param rows   the rows kept, in the summary's order
 */
public record SummaryPaths(Floor floor, List<Step> steps, List<RowPaths> rows) {

    /**
     * Which rows and paths a summary keeps. Rows: classes with at least {@code instances} objects or {@code shallowBytes}
     * bytes, every long-array row, every loader class. Paths of a row: its {@code topPaths} with the most objects, and
     * every other one that at least {@code pathObjects} objects take or whose objects retain at least
     * {@code pathRetainedBytes}. Why these numbers: they are the noise floor's (a steady grower must gain more than 10
     * objects or 4 KiB in every interval), so a growing path is kept once it is that big; most of a heap's distinct
     * paths hold one small object each (an interned string, a class's name) and would make a summary of a 10 MB dump
     * 7 MB (docs/growth-analysis.md, section 6).
     */
    public record Floor(long instances, long shallowBytes, long pathObjects, long pathRetainedBytes, int topPaths) {
        public static final Floor DEFAULT = new Floor(10, 4096, 10, 4096, 3);
    }

    /** One step: what matches it across dumps, and how people read it. */
    public record Step(String signature, String display) {}

    /**
     * The paths of one row.
     *
     * @param row    the row's id: {@code class <key>}, {@code arrays <key>} or {@code loaders <loader class>}
     * @param paths  most objects first
     */
    public record RowPaths(String row, List<KeptPath> paths) {
        public RowPaths {
            paths = List.copyOf(paths);
        }
    }

    /**
     * One merged path of a row.
     *
     * @param steps          positions in {@link SummaryPaths#steps}, root side first, ending at the row's objects
     * @param objects        objects of the row whose shortest path this is
     * @param retainedBytes  bytes they retain, each counted once
     * @param rootKind       what the path starts at ("static field", "thread", ...)
     * @param holderPackage  the package of the class it starts at, or null
     * @param alsoHeldBy     the other kinds of holder of the objects' accumulation point, each as positions in
     *                       {@link SummaryPaths#steps}
     * @param owner          for array rows: the object whose field holds the arrays; null otherwise
     * @param loader         the class loader the path keeps, or null
     */
    public record KeptPath(List<Integer> steps, long objects, long retainedBytes, String rootKind, String holderPackage,
                           List<List<Integer>> alsoHeldBy, Owner owner, Loader loader) {
        public KeptPath {
            steps = List.copyOf(steps);
            alsoHeldBy = alsoHeldBy.stream().map(List::copyOf).toList();
        }
    }

    /** The collection whose field holds a row's arrays, and its own path as people read it. */
    public record Owner(String collection, String field, List<String> display) {
        public Owner {
            display = List.copyOf(display);
        }
    }

    /**
     * A class loader that a path keeps alive: the loader in words, the position of its step among the path's steps,
     * how many loaders, the classes they define and the bytes they retain.
     */
    public record Loader(String loader, int step, long loaders, long classes, long retainedBytes) {}

    public SummaryPaths {
        steps = List.copyOf(steps);
        rows = List.copyOf(rows);
    }

    /** The id of a class row (see {@link ClassStats#key()}). */
    public static String classRow(String key) {
        return "class " + key;
    }

    /** The id of a long-array row (its label and loader: {@code java.util.HashMap$Node[16384]}). */
    public static String arrayRow(String key) {
        return "arrays " + key;
    }

    /** The id of the loaders of one loader class. */
    public static String loaderRow(String loaderClass) {
        return "loaders " + loaderClass;
    }
}
