package org.hprofdiff.index.store;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An index file whose data is written in any order through a mapping (e.g. the inbound edges,
 * scattered by target). The disk space is reserved before mapping ({@link SpaceReservation}), so a
 * full disk fails here with an {@link IOException} instead of faulting later in a mapped write.
 * {@link #finish} checksums the data, writes header and footer, forces and unmaps.
 */
public final class MappedWriter implements AutoCloseable {
    private final Path path;
    private final String kind;
    private final byte[] identity;
    private final int width;
    private final long dataLength;
    private final Arena arena;
    private final MemorySegment file;
    private boolean closed;

    public MappedWriter(Path path, String kind, byte[] identity, int width, long dataLength) throws IOException {
        this.path = path;
        this.kind = kind;
        this.identity = identity;
        this.width = width;
        this.dataLength = dataLength;
        long size = FileHeader.fileSize(dataLength);
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            SpaceReservation.reserve(ch, path, size);
            this.arena = Arena.ofShared();
            try {
                this.file = ch.map(FileChannel.MapMode.READ_WRITE, 0, size, arena);
            } catch (IOException | RuntimeException e) {
                arena.close();
                throw e;
            }
        }
    }

    public Path path() { return path; }

    /** The kind written into the header (for derived files, also their final name). */
    public String kind() { return kind; }

    /** The whole file (header, data, footer); data starts at {@link IndexFormat#HEADER_BYTES}. */
    public MemorySegment file() { return file; }

    /** The data region only. */
    public MemorySegment data() { return file.asSlice(IndexFormat.HEADER_BYTES, dataLength); }

    public long dataLength() { return dataLength; }

    public Manifest.FileEntry finish() throws IOException {
        int crc = Checksums.crc32c(data());
        ByteBuffer header = ByteBuffer.allocate(IndexFormat.HEADER_BYTES);
        new FileHeader(kind, identity, dataLength, width).writeHeader(header);
        MemorySegment.copy(MemorySegment.ofArray(header.array()), 0, file, 0, IndexFormat.HEADER_BYTES);
        ByteBuffer footer = ByteBuffer.allocate(IndexFormat.FOOTER_BYTES);
        FileHeader.writeFooter(footer, crc, dataLength);
        MemorySegment.copy(MemorySegment.ofArray(footer.array()), 0, file, IndexFormat.HEADER_BYTES + dataLength, IndexFormat.FOOTER_BYTES);
        file.force();
        close();
        return new Manifest.FileEntry(width, dataLength, crc);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            arena.close();
        }
    }
}
