package org.hprofdiff.core.read;

/**
 * Thrown inside the reader when a read needs bytes past the end of the data (a truncated dump).
 * Internal signal: the reader turns it into a {@link ReadResult#truncation()}; no stack trace is filled.
 */
final class EndOfDataException extends RuntimeException {
    final long offset;
    final long needed;

    EndOfDataException(long offset, long needed) {
        super("end of data at byte " + offset + " while " + needed + " more bytes were needed", null, false, false);
        this.offset = offset;
        this.needed = needed;
    }
}
