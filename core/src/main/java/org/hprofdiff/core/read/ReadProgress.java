package org.hprofdiff.core.read;

/**
 * Told how far a read has come, as bytes of the dump covered so far (of {@link HprofFile#fileSize()} for a
 * mapped file; of the uncompressed data, whose size is not known ahead, for a gzip one). A parallel read calls it
 * from each of its threads, so an implementation must be thread-safe; it is called once per heap record (about
 * one per MiB), so it need not be cheap.
 */
@FunctionalInterface
public interface ReadProgress {
    ReadProgress NONE = bytes -> {};

    void bytesDone(long bytes);
}
