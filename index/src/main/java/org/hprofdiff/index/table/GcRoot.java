package org.hprofdiff.index.table;

import org.hprofdiff.core.format.GcRootKind;

/**
 * A GC root as the dump lists it.
 *
 * @param ordinal      the object, or -1 when the dump does not hold an object with this id
 * @param threadSerial the thread (START_THREAD serial) for thread-related kinds, -1 otherwise
 * @param frame        depth in the thread's stack trace for Java-frame and JNI-local roots, -1 otherwise
 */
public record GcRoot(GcRootKind kind, long objectId, long ordinal, int threadSerial, int frame) {}
