package org.hprofdiff.core.format;

/**
 * Top-level hprof record tags: u1 tag, u4 microseconds since the header's timestamp, u4 body length.
 * Sources: the JDK's {@code heapDumper.cpp} (HPROF_* constants) and Android's {@code hprof.cc}.
 * The reader decodes only the tags a visitor asks for; every other record is skipped by its length.
 */
public enum RecordTag {
    STRING(0x01),
    LOAD_CLASS(0x02),
    /** Written by the old hprof agent only; never by HotSpot's dumper. Skipped. */
    UNLOAD_CLASS(0x03),
    STACK_FRAME(0x04),
    STACK_TRACE(0x05),
    /** hprof agent allocation profiling; not heap content. Skipped. */
    ALLOC_SITES(0x06),
    /** hprof agent running totals; not heap content. Skipped. */
    HEAP_SUMMARY(0x07),
    START_THREAD(0x0A),
    END_THREAD(0x0B),
    /** A whole heap dump in one record (JDK 5/6 jmap, hprof agent without segments). */
    HEAP_DUMP(0x0C),
    /** hprof agent CPU sampling. Skipped. */
    CPU_SAMPLES(0x0D),
    /** hprof agent settings. Skipped. */
    CONTROL_SETTINGS(0x0E),
    /** One piece of a heap dump; HotSpot cuts them at about 1 MiB; closed by HEAP_DUMP_END. */
    HEAP_DUMP_SEGMENT(0x1C),
    HEAP_DUMP_END(0x2C);

    private static final RecordTag[] BY_CODE = new RecordTag[256];
    static {
        for (RecordTag t : values()) BY_CODE[t.code] = t;
    }

    public final int code;

    RecordTag(int code) {
        this.code = code;
    }

    /** The tag for a code, or null when the format does not define it (the reader warns and skips). */
    public static RecordTag of(int code) {
        return BY_CODE[code & 0xFF];
    }

    public boolean isHeapData() {
        return this == HEAP_DUMP || this == HEAP_DUMP_SEGMENT;
    }
}
