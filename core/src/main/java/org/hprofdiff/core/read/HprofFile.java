package org.hprofdiff.core.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;
import org.hprofdiff.core.format.HprofHeader;

/**
 * An opened dump: its header, how its bytes are read, and fresh {@link HprofInput}s over it. Opening
 * recognises what the file is before anything else is read, so a wrong file gets one line saying what
 * it looks like. The file is opened read-only and never written.
 */
public final class HprofFile implements AutoCloseable {
    private static final int GZIP_BUFFER = 1 << 16;

    private final Path path;
    private final long fileSize;
    private final DumpSource source;
    private final HprofHeader header;
    private final Arena arena;
    /** The whole file, mapped: the dump itself ({@link DumpSource#MAPPED}) or HotSpot chunked gzip, or null. */
    private final MemorySegment mapped;
    /** For HotSpot chunked gzip inflated on several threads: its BLOCKSIZE; else -1. */
    private final int gzipBlockSize;
    /** The channel the file was mapped through, open until {@link #close}; null when it is not mapped. */
    private final FileChannel channel;

    private HprofFile(Path path, long fileSize, DumpSource source, HprofHeader header, Arena arena, Mapping mapping, int gzipBlockSize) {
        this.channel = mapping == null ? null : mapping.channel();
        this.mapped = mapping == null ? null : mapping.segment();
        this.path = path;
        this.fileSize = fileSize;
        this.source = source;
        this.header = header;
        this.arena = arena;
        this.gzipBlockSize = gzipBlockSize;
    }

    public static HprofFile open(Path path) throws DumpFormatException {
        long size = checkReadableFile(path);
        byte[] start = readStart(path, 64);
        if (isGzip(start)) {
            HprofHeader header;
            try (InputStream in = gunzip(path)) {
                header = HeaderParser.parse(path, in.readNBytes(64), true);
            } catch (IOException e) {
                throw new DumpFormatException(path, 0, "gzip data is corrupt (" + e.getMessage() + "); expected a gzip-compressed hprof");
            }
            int blockSize = ChunkedGzipStream.hotspotBlockSize(start);
            if (blockSize > 0 && INFLATE_THREADS > 1) {
                // HotSpot's -gz output: independent members, inflated on several threads from the mapped file
                Arena arena = Arena.ofShared();
                return new HprofFile(path, size, DumpSource.GZIP, header, arena, map(path, size, arena), blockSize);
            }
            return new HprofFile(path, size, DumpSource.GZIP, header, null, null, -1);
        }
        HprofHeader header = HeaderParser.parse(path, start, false);
        Arena arena = Arena.ofShared();
        return new HprofFile(path, size, DumpSource.MAPPED, header, arena, map(path, size, arena), -1);
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // read-only: nothing is lost
        }
    }

    /**
     * The channel the dump was mapped through, kept open while this file is: positional reads of the very file
     * mapped, even if another file takes its name meanwhile. Only for {@link DumpSource#MAPPED}.
     */
    FileChannel channel() {
        if (!isRandomAccess()) throw new IllegalStateException(path + " is not mapped (" + source + ")");
        return channel;
    }

    /** Threads that inflate a HotSpot chunked gzip dump: one per core. */
    private static final int INFLATE_THREADS = Runtime.getRuntime().availableProcessors();

    /** A mapped file and the channel it was mapped through, which stays open (positional reads of the very file mapped). */
    private record Mapping(FileChannel channel, MemorySegment segment) {}

    private static Mapping map(Path path, long size, Arena arena) throws DumpFormatException {
        FileChannel ch = null;
        try {
            ch = FileChannel.open(path, StandardOpenOption.READ);
            return new Mapping(ch, ch.map(FileChannel.MapMode.READ_ONLY, 0, size, arena));
        } catch (IOException | RuntimeException e) {
            if (ch != null) closeQuietly(ch);
            arena.close();
            throw new DumpFormatException(path, "cannot map the file: " + e.getMessage(), e);
        }
    }

    public Path path() { return path; }

    /** Size of the file on disk (compressed size for gzip). */
    public long fileSize() { return fileSize; }

    public DumpSource source() { return source; }

    public HprofHeader header() { return header; }

    public boolean isRandomAccess() { return source == DumpSource.MAPPED; }

    /** The whole dump as one segment; only for {@link DumpSource#MAPPED}. */
    public MemorySegment mapped() {
        if (!isRandomAccess()) throw new IllegalStateException(path + " is not mapped (" + source + ")");
        return mapped;
    }

    /** A new input positioned at the first record; close it after the pass. Each pass over a gzip dump inflates it again. */
    public HprofInput newInput() throws IOException {
        HprofInput in = isRandomAccess() ? HprofInput.of(mapped)
                : HprofInput.of(gzipBlockSize > 0 ? new ChunkedGzipStream(mapped, gzipBlockSize, INFLATE_THREADS) : gunzip(path));
        in.idSize(header.idSize());
        in.seek(header.length());
        return in;
    }

    /** An input over the mapped file for one thread (parallel heap parsing); positioned at offset 0. */
    HprofInput newMappedInput() {
        HprofInput in = HprofInput.of(mapped());
        in.idSize(header.idSize());
        return in;
    }

    @Override
    public void close() {
        if (arena != null) arena.close();
        if (channel != null) closeQuietly(channel);
    }

    private static InputStream gunzip(Path path) throws IOException {
        // GZIPInputStream reads concatenated members, which is what HotSpot's chunked -gz output is.
        return new GZIPInputStream(new BufferedInputStream(Files.newInputStream(path), GZIP_BUFFER), GZIP_BUFFER);
    }

    private static boolean isGzip(byte[] start) {
        return start.length >= 2 && (start[0] & 0xFF) == 0x1F && (start[1] & 0xFF) == 0x8B;
    }

    private static long checkReadableFile(Path path) throws DumpFormatException {
        if (Files.isDirectory(path)) throw new DumpFormatException(path, "is a directory; expected a heap dump file", null);
        if (!Files.exists(path)) throw new DumpFormatException(path, "no such file", null);
        if (!Files.isReadable(path)) throw new DumpFormatException(path, "permission denied (not readable)", null);
        try {
            long size = Files.size(path);
            if (size == 0) throw new DumpFormatException(path, 0, "empty file; expected an hprof header 'JAVA PROFILE 1.0.x'");
            return size;
        } catch (IOException e) {
            throw new DumpFormatException(path, "cannot read: " + e.getMessage(), e);
        }
    }

    private static byte[] readStart(Path path, int n) throws DumpFormatException {
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(n);
        } catch (AccessDeniedException e) {
            throw new DumpFormatException(path, "permission denied (not readable)", e);
        } catch (NoSuchFileException e) {
            throw new DumpFormatException(path, "no such file", e);
        } catch (IOException e) {
            throw new DumpFormatException(path, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Parses and checks the header, and names other formats when the magic is not hprof's. */
    static final class HeaderParser {
        static HprofHeader parse(Path path, byte[] start, boolean gzipped) throws DumpFormatException {
            String inside = gzipped ? " (inside gzip)" : "";
            byte[] magic = HprofHeader.MAGIC.getBytes(StandardCharsets.US_ASCII);
            if (!startsWith(start, magic)) {
                throw new DumpFormatException(path, 0, "not an hprof heap dump" + inside + ": " + OtherFormats.describe(start)
                        + "; expected 'JAVA PROFILE 1.0.x'");
            }
            int nul = -1;
            for (int i = magic.length; i < start.length; i++) {
                if (start[i] == 0) { nul = i; break; }
            }
            if (nul < 0) throw new DumpFormatException(path, magic.length, "header version string is not terminated" + inside + "; expected '1.0.x' and a NUL byte");
            String version = new String(start, magic.length, nul - magic.length, StandardCharsets.US_ASCII);
            if (!HprofHeader.KNOWN_VERSIONS.contains(version)) {
                throw new DumpFormatException(path, magic.length, "unknown hprof version '" + version + "'" + inside + "; expected one of " + HprofHeader.KNOWN_VERSIONS);
            }
            int idPos = nul + 1;
            if (start.length < idPos + 12) throw new DumpFormatException(path, start.length, "file ends inside the header" + inside + "; expected a u4 id size and a u8 timestamp");
            int idSize = ((start[idPos] & 0xFF) << 24) | ((start[idPos + 1] & 0xFF) << 16) | ((start[idPos + 2] & 0xFF) << 8) | (start[idPos + 3] & 0xFF);
            if (idSize != 4 && idSize != 8) throw new DumpFormatException(path, idPos, "id size " + idSize + inside + "; expected 4 or 8");
            long ts = 0;
            for (int i = 0; i < 8; i++) ts = (ts << 8) | (start[idPos + 4 + i] & 0xFF);
            return new HprofHeader(version, idSize, ts, idPos + 12);
        }

        private static boolean startsWith(byte[] data, byte[] prefix) {
            if (data.length < prefix.length) return false;
            for (int i = 0; i < prefix.length; i++) if (data[i] != prefix[i]) return false;
            return true;
        }
    }
}
