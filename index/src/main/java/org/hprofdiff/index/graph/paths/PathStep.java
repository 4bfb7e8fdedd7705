package org.hprofdiff.index.graph.paths;

import java.util.function.IntFunction;
import org.hprofdiff.index.graph.EdgeLabel;
import org.hprofdiff.index.graph.RootContext;
import org.hprofdiff.index.graph.ObjectGraph;
import org.hprofdiff.core.format.GcRootKind;

/**
 * One step of a merged retention path (docs/semantics.md, section 10). {@link #signature()} is what paths are
 * merged and matched across dumps by: class names and field names only, never object ids or addresses.
 * {@link #display()} is the short form people read: simple class names.
 */
public sealed interface PathStep {

    String signature();

    String display();

    /**
     * The step by which {@code holder} refers to {@code child} through its edge {@code edge}; {@code chain}: the
     * step repeats the one before it (same class, same field: a linked list, a hash bucket's chain). Classes are
     * named through {@code names} (class index → Java name), which the caller may cache.
     */
    static PathStep of(ObjectGraph graph, long holder, long edge, long child, boolean chain, IntFunction<String> names) {
        int holderClass = graph.classIndex(holder);
        int stands = graph.classObjectIndex(holder);
        String named = names.apply(stands >= 0 ? stands : holderClass); // a class object is named by the class it stands for
        return switch (graph.edgeLabel(holder, edge)) {
            case EdgeLabel.StaticField f -> new Static(named, f.name());
            case EdgeLabel.Field f -> new Field(names.apply(holderClass), f.name(), chain);
            case EdgeLabel.ArrayElement ignored -> new Element(names.apply(holderClass), chain);
            case EdgeLabel.Internal i when i.name().equals(Loader.EDGE) ->
                    new Loader(named, names.apply(graph.classIndex(child)), Loader.fold(graph.loaderName(child)));
            case EdgeLabel.Internal i -> new Internal(named, i.name());
        };
    }

    /**
     * Where the path starts: a GC root of {@code kind} on an object of {@code objectClass}
     * ({@code class X} for a class object). Digits in thread names are replaced by {@code #}, so that
     * {@code pool-3-thread-7} matches across dumps.
     */
    record Root(GcRootKind kind, String objectClass, String thread, String frame) implements PathStep {

        /**
         * The step a GC root entry starts (docs/semantics.md, section 10): root kind, the object's class
         * ({@code class X} for a class object that is not a system-class root, whose kind already says so),
         * the thread's name with digits as {@code #} (stable across dumps), the frame's method.
         */
        public static Root of(ObjectGraph graph, long rootEntry) {
            long node = graph.rootNode(rootEntry);
            GcRootKind kind = graph.rootKind(rootEntry);
            RootContext context = graph.rootContext(rootEntry);
            int stands = graph.classObjectIndex(node);
            String objectClass = stands < 0 ? graph.className(graph.classIndex(node))
                    : (kind == GcRootKind.STICKY_CLASS ? "" : "class ") + graph.className(stands);
            String thread = context.threadName() == null ? null : context.threadName().replaceAll("[0-9]+", "#");
            return new Root(kind, objectClass, thread, context.frameMethod());
        }
        @Override
        public String signature() {
            return kind.label + " " + objectClass + (thread == null ? "" : " thread \"" + thread + "\"") + (frame == null ? "" : " in " + frame);
        }

        @Override
        public String display() {
            String where = (thread == null ? "" : "thread \"" + thread + "\" ") + (frame == null ? "" : "in " + SimpleNames.simpleMethod(frame) + " ");
            return switch (kind) {
                case THREAD_OBJECT -> thread == null ? "thread " + SimpleNames.simple(objectClass) : "thread \"" + thread + "\"";
                case JAVA_FRAME -> (thread == null ? "" : "thread \"" + thread + "\" ") + "local" + (frame == null ? "" : " in " + SimpleNames.simpleMethod(frame));
                default -> kind.label + " " + where + SimpleNames.simple(objectClass);
            };
        }
    }

    /** A static field of a class: the path starts here (what holds the class object is left out). */
    record Static(String declaringClass, String field) implements PathStep {
        @Override public String signature() { return "static " + declaringClass + "." + field; }

        @Override public String display() { return "static " + SimpleNames.simple(declaringClass) + "." + field; }
    }

    /** An instance field; {@code repeated}: one or more steps through the same field of the same class (a chain). */
    record Field(String holderClass, String field, boolean repeated) implements PathStep {
        @Override public String signature() { return holderClass + "." + field + (repeated ? "+" : ""); }

        @Override public String display() { return SimpleNames.simple(holderClass) + "." + field + (repeated ? "+" : ""); }
    }

    /** Any element of an object array; {@code repeated}: nested arrays of the same type. */
    record Element(String arrayClass, boolean repeated) implements PathStep {
        @Override public String signature() { return arrayClass + " [*]" + (repeated ? "+" : ""); }

        @Override public String display() { return SimpleNames.simple(arrayClass) + " [*]" + (repeated ? "+" : ""); }
    }

    /**
     * The reference from a class to its defining loader, where the loader could be unloaded (a class of a
     * permanent loader starts its paths at its static fields instead): the loader's class and its name with
     * digits as {@code #} ({@code report-plugin-v#}), so that every version of a redeployed plugin matches.
     *
     * @param holderClass  the class whose {@code <classloader>} reference this is
     * @param loaderClass  the loader object's class, e.g. {@code java.net.URLClassLoader}
     * @param loaderName   the loader's name with digits folded, or null when it has none
     */
    record Loader(String holderClass, String loaderClass, String loaderName) implements PathStep {
        /** The implied edge's name. */
        public static final String EDGE = "<classloader>";

        /** {@code report-plugin-v12} → {@code report-plugin-v#}; null stays null. */
        public static String fold(String name) {
            return name == null ? null : name.replaceAll("[0-9]+", "#");
        }

        @Override public String signature() {
            return holderClass + "." + EDGE + " " + loaderClass + (loaderName == null ? "" : " \"" + loaderName + "\"");
        }

        @Override public String display() {
            return SimpleNames.simple(holderClass) + "." + EDGE + (loaderName == null ? "" : " \"" + loaderName + "\"");
        }

        /** How the loader is named in words: {@code report-plugin-v# (java.net.URLClassLoader)}, or its class alone. */
        public String loaderWords() {
            return loaderName == null ? loaderClass : loaderName + " (" + loaderClass + ")";
        }
    }

    /** A reference the dump implies, not a field: {@code <class>}, {@code <super>}, ... */
    record Internal(String holderClass, String name) implements PathStep {
        @Override public String signature() { return holderClass + "." + name; }

        @Override public String display() { return SimpleNames.simple(holderClass) + "." + name; }
    }

    /**
     * The end of the path: the class of the objects the query was about; for class loaders also their name
     * with digits folded ({@code report-plugin-v#}), so that loaders of one class but different purpose part.
     */
    record Target(String targetClass, String loaderName) implements PathStep {
        public Target(String targetClass) {
            this(targetClass, null);
        }

        @Override public String signature() { return targetClass + (loaderName == null ? "" : " \"" + loaderName + "\""); }

        @Override public String display() { return SimpleNames.simple(targetClass) + (loaderName == null ? "" : " \"" + loaderName + "\""); }
    }
}
