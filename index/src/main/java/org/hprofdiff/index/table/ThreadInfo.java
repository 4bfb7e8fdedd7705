package org.hprofdiff.index.table;

import java.util.List;
import org.hprofdiff.core.summary.ClassNames;

/**
 * A thread of the dump (START_THREAD) with the name of its thread object and its stack at the time of
 * the dump, outermost frame last (frame 0 is the top of the stack; Java-frame roots refer to it).
 *
 * @param ordinal the thread object's ordinal, -1 if absent
 * @param name    the thread's name, or "" when neither the record nor the object gives one
 */
public record ThreadInfo(int serial, long objectId, long ordinal, String name, List<Frame> frames) {

    /** One stack frame; {@code line} is the source line, or a negative hprof marker (unknown, compiled, native). */
    public record Frame(String className, String methodName, String signature, String sourceFile, int line) {
        /** {@code java.lang.Thread.run(Thread.java:1583)} */
        @Override
        public String toString() {
            String where = line > 0 ? sourceFile + ":" + line : line == -3 ? "Native Method" : sourceFile.isEmpty() ? "Unknown Source" : sourceFile;
            return ClassNames.javaName(className) + "." + methodName + "(" + where + ")";
        }
    }
}
