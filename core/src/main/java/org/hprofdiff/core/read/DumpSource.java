package org.hprofdiff.core.read;

/** How the dump's bytes reach the reader. */
public enum DumpSource {
    /** A plain hprof file, mapped: random access, parallel segment reading. */
    MAPPED,
    /** gzip (a single member, or HotSpot's chunked {@code -gz} output): read as a stream, once per pass. */
    GZIP
}
