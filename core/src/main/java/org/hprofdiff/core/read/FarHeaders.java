package org.hprofdiff.core.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * The 9-byte headers of the top-level records a walk jumps to over heap records it leaves for later, read with
 * positional reads instead of through the mapping. A page fault on the mapping makes the kernel read around the
 * page ({@code read_ahead_kb}: 8 MiB on the project's VM), so walking the headers of 1 MiB heap segments through
 * the mapping read the whole dump before the first record was parsed (39.8 GB: 30 s at the disk's speed with the
 * CPU idle), and a dump bigger than memory was read from the disk again by the parse. A positional read of a
 * cold page reads that page and little more: measured there, 36,500 headers of the same cold file in 1.7 s.
 */
final class FarHeaders {
    /** A header this far past the last byte read through the mapping is read with a positional read. */
    static final long FAR = 64L << 10;

    private final Path path;
    private final FileChannel channel;
    private final ByteBuffer header = ByteBuffer.allocate(HeapRecordRange.HEADER_BYTES);
    private long reads;

    private FarHeaders(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /** Reads {@code file}'s headers through the channel it was mapped through (left open: the file closes it). */
    static FarHeaders of(HprofFile file) {
        return new FarHeaders(file.path(), file.channel());
    }

    /**
     * The header at {@code position} (big-endian, as in the file), or null when fewer than its 9 bytes are left:
     * the caller then reads through the mapping, which reports the truncation as everywhere else.
     */
    ByteBuffer at(long position) {
        reads++;
        header.clear();
        try {
            while (header.hasRemaining()) {
                if (channel.read(header, position + header.position()) < 0) return null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": cannot read the record header at byte " + position + ": " + e.getMessage(), e);
        }
        return header.flip();
    }

    /** Headers read so far (tests: which headers a walk read this way). */
    long reads() {
        return reads;
    }
}
