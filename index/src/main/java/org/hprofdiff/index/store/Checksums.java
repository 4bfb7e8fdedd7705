package org.hprofdiff.index.store;

import java.lang.foreign.MemorySegment;
import java.util.zip.CRC32C;

/** CRC32C over mapped data, in chunks small enough for {@link java.nio.ByteBuffer} views. */
public final class Checksums {
    private Checksums() {}

    private static final long CHUNK = 1L << 30;

    public static int crc32c(MemorySegment data) {
        CRC32C crc = new CRC32C();
        for (long at = 0; at < data.byteSize(); at += CHUNK) {
            crc.update(data.asSlice(at, Math.min(CHUNK, data.byteSize() - at)).asByteBuffer());
        }
        return (int) crc.getValue();
    }
}
