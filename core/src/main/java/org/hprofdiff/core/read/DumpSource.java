package org.hprofdiff.core.read;

/** How the dump's bytes reach the reader. */
public enum DumpSource {
    /** A plain hprof file, mapped: random access, parallel segment reading. */
    MAPPED,
    /**
     * gzip, read as a stream, inflated again for each pass: a single member on one thread; HotSpot's chunked
     * {@code -gz} output (its first member names a BLOCKSIZE) on all cores. Heap records are parsed in file
     * order on one thread.
     */
    GZIP
}
