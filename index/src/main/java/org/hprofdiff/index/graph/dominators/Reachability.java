package org.hprofdiff.index.graph.dominators;

/** How an object is reachable from the GC roots (docs/semantics.md, sections 2 to 5). */
public enum Reachability {
    /** Not reachable from any GC root; not in the dominator tree unless kept. */
    UNREACHABLE,
    /** Reachable from a retaining GC root through retaining references. */
    STRONG,
    /** Reachable only through a {@code Reference.referent} or from a finalizer root (with {@code References.STRONG}). */
    WEAK,
    /** Unreachable, but put in the tree under the virtual root because {@code keepUnreachable} was asked. */
    UNREACHABLE_KEPT;

    private static final Reachability[] BY_CODE = values();

    byte code() {
        return (byte) ordinal();
    }

    static Reachability ofCode(byte code) {
        return BY_CODE[code];
    }

    /** Whether objects of this kind are nodes of the dominator tree. */
    public boolean inTree() {
        return this != UNREACHABLE;
    }
}
