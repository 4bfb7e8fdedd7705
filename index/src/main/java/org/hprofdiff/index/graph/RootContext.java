package org.hprofdiff.index.graph;

/**
 * Where a GC root lives, as far as the dump says: the thread's name ({@code "idle-connection-reaper"}) and
 * the frame's method in Java form ({@code com.example.ReaperTask.run}). Either may be null.
 */
public record RootContext(String threadName, String frameMethod) {
    public static final RootContext NONE = new RootContext(null, null);
}
