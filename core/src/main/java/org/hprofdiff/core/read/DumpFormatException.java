package org.hprofdiff.core.read;

import java.nio.file.Path;

/**
 * A dump that cannot be read at all (not an hprof, bad header, unreadable). The message is one line:
 * the file, the byte offset and what was expected there.
 */
public final class DumpFormatException extends Exception {
    private final Path file;
    private final long offset;
    private final String problem;

    public DumpFormatException(Path file, long offset, String problem) {
        super(file + ": byte " + offset + ": " + problem);
        this.file = file;
        this.offset = offset;
        this.problem = problem;
    }

    public DumpFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.offset = -1;
        this.problem = problem;
    }

    public Path file() { return file; }

    /** Byte offset of the problem, or -1 when it is not about a position (e.g. permission denied). */
    public long offset() { return offset; }

    public String problem() { return problem; }
}
