package org.hprofdiff.core.format;

/** Kinds of GC root, as the dump names them; {@link #label} is what reports print. */
public enum GcRootKind {
    UNKNOWN("unknown"),
    JNI_GLOBAL("JNI global"),
    JNI_LOCAL("JNI local"),
    JAVA_FRAME("Java frame"),
    NATIVE_STACK("native stack"),
    STICKY_CLASS("system class"),
    THREAD_BLOCK("thread block"),
    MONITOR_USED("busy monitor"),
    THREAD_OBJECT("thread"),
    INTERNED_STRING("interned string"),
    FINALIZING("finalizing"),
    DEBUGGER("debugger"),
    REFERENCE_CLEANUP("reference cleanup"),
    VM_INTERNAL("VM internal"),
    JNI_MONITOR("JNI monitor");

    public final String label;

    GcRootKind(String label) {
        this.label = label;
    }
}
