package org.hprofdiff.testdata.synth;

import java.util.List;

/**
 * A thread of a {@link SyntheticHeap}: its java.lang.Thread object, serials, and the methods of its stack
 * trace, innermost first (frame number {@code i} in a JAVA_FRAME root is {@code frames.get(i)}).
 */
public record SyntheticThread(HeapObject object, String name, int serial, int stackTraceSerial,
                              List<String> frames) {
}
