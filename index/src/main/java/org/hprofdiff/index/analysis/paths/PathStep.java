package org.hprofdiff.index.analysis.paths;

import org.hprofdiff.index.analysis.RootContext;
import org.hprofdiff.index.analysis.ObjectGraph;
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
            String where = (thread == null ? "" : "thread \"" + thread + "\" ") + (frame == null ? "" : "in " + ClassNames.simpleMethod(frame) + " ");
            return switch (kind) {
                case THREAD_OBJECT -> thread == null ? "thread " + ClassNames.simple(objectClass) : "thread \"" + thread + "\"";
                case JAVA_FRAME -> (thread == null ? "" : "thread \"" + thread + "\" ") + "local" + (frame == null ? "" : " in " + ClassNames.simpleMethod(frame));
                default -> kind.label + " " + where + ClassNames.simple(objectClass);
            };
        }
    }

    /** A static field of a class: the path starts here (what holds the class object is left out). */
    record Static(String declaringClass, String field) implements PathStep {
        @Override public String signature() { return "static " + declaringClass + "." + field; }

        @Override public String display() { return "static " + ClassNames.simple(declaringClass) + "." + field; }
    }

    /** An instance field; {@code repeated}: one or more steps through the same field of the same class (a chain). */
    record Field(String holderClass, String field, boolean repeated) implements PathStep {
        @Override public String signature() { return holderClass + "." + field + (repeated ? "+" : ""); }

        @Override public String display() { return ClassNames.simple(holderClass) + "." + field + (repeated ? "+" : ""); }
    }

    /** Any element of an object array; {@code repeated}: nested arrays of the same type. */
    record Element(String arrayClass, boolean repeated) implements PathStep {
        @Override public String signature() { return arrayClass + " [*]" + (repeated ? "+" : ""); }

        @Override public String display() { return ClassNames.simple(arrayClass) + " [*]" + (repeated ? "+" : ""); }
    }

    /** A reference the dump implies, not a field: {@code <class>}, {@code <classloader>}, ... */
    record Internal(String holderClass, String name) implements PathStep {
        @Override public String signature() { return holderClass + "." + name; }

        @Override public String display() { return ClassNames.simple(holderClass) + "." + name; }
    }

    /** The end of the path: the class of the objects the query was about. */
    record Target(String targetClass) implements PathStep {
        @Override public String signature() { return targetClass; }

        @Override public String display() { return ClassNames.simple(targetClass); }
    }
}
