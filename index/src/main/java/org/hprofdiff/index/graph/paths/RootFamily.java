package org.hprofdiff.index.graph.paths;

import java.util.List;
import org.hprofdiff.core.format.GcRootKind;

/**
 * The kinds of holder a retention path can start from, in the order a reader recognises them
 * (docs/semantics.md, section 9): a static field of a class that lives as long as the JVM is a name people
 * search for and that stays the same from dump to dump; a thread and its stack frames come next; JNI globals
 * and the JVM's other roots last. A path starts in the first family that reaches its object at all, and is
 * the shortest within that family.
 */
public enum RootFamily {
    /**
     * A static field of a class whose loader is permanent (the bootstrap, platform or application loader...);
     * its paths stop short of live threads' objects, which start paths of their own.
     */
    STATIC_FIELD("static field", List.of()),
    /** A live thread: its object, its stack frames' locals, its JNI locals, its native stack, blocked on it. */
    THREAD("thread", List.of(GcRootKind.THREAD_OBJECT, GcRootKind.JAVA_FRAME, GcRootKind.JNI_LOCAL, GcRootKind.NATIVE_STACK,
            GcRootKind.THREAD_BLOCK)),
    /** Everything else the JVM holds: JNI globals, system classes, monitors, interned strings, VM internals, ... */
    OTHER("other root", List.of(GcRootKind.JNI_GLOBAL, GcRootKind.STICKY_CLASS, GcRootKind.MONITOR_USED, GcRootKind.INTERNED_STRING,
            GcRootKind.VM_INTERNAL, GcRootKind.JNI_MONITOR, GcRootKind.DEBUGGER, GcRootKind.REFERENCE_CLEANUP, GcRootKind.UNKNOWN,
            GcRootKind.FINALIZING));

    /** How the family is named in reports. */
    public final String label;
    /** The root kinds of the family, in the order their roots are entered (the earlier wins a tie in distance). */
    public final List<GcRootKind> rootKinds;

    RootFamily(String label, List<GcRootKind> rootKinds) {
        this.label = label;
        this.rootKinds = rootKinds;
    }

    /** The family of a GC root of {@code kind}. */
    public static RootFamily of(GcRootKind kind) {
        return THREAD.rootKinds.contains(kind) ? THREAD : OTHER;
    }
}
