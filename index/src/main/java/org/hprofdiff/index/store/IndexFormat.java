package org.hprofdiff.index.store;

import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Constants of the on-disk index format (docs/index-format.md). Every file is
 * {@code header (64 bytes) · data · footer (16 bytes)}; numbers are little-endian (the index is
 * read by the machine that wrote it far more often than it is moved, and x86/ARM are little-endian).
 */
public final class IndexFormat {
    private IndexFormat() {}

    /** "HDIX": every index file starts with it. */
    public static final int HEADER_MAGIC = 0x58494448;
    /** "HDFT": every index file's last 16 bytes start with it. */
    public static final int FOOTER_MAGIC = 0x54464448;
    /**
     * Bumped whenever the meaning or layout of any file changes; an index of another version is
     * rebuilt, never read.
     */
    public static final int VERSION = 2;
    public static final int HEADER_BYTES = 64;
    public static final int FOOTER_BYTES = 16;
    /** Longest file kind name that fits the header. */
    public static final int KIND_BYTES = 16;

    public static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    public static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    public static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
}
