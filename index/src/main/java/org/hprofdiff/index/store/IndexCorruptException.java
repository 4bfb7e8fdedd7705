package org.hprofdiff.index.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An index file that is not what it should be (foreign, stale, half-written, damaged). The message
 * is one line: the file, the byte offset, what was expected. Opening treats it as "rebuild";
 * {@code verify} reports it.
 */
public final class IndexCorruptException extends IOException {
    private final Path file;
    private final long offset;

    public IndexCorruptException(Path file, long offset, String problem) {
        super(file + ": byte " + offset + ": " + problem);
        this.file = file;
        this.offset = offset;
    }

    public Path file() { return file; }

    public long offset() { return offset; }
}
