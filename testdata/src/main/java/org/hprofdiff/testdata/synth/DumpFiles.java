package org.hprofdiff.testdata.synth;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPOutputStream;

/** The file forms a dump comes in: plain, one gzip member, HotSpot chunked gzip; and cut-short files. */
public final class DumpFiles {

    public enum Compression {
        /** {@code .hprof} */
        NONE,
        /** {@code .hprof.gz} as {@code gzip dump.hprof} makes it: one member, not seekable. */
        GZIP,
        /** {@code jcmd GC.heap_dump -gz=1}: 1 MiB members, BLOCKSIZE comment in the first. */
        CHUNKED_GZIP
    }

    private DumpFiles() {
    }

    /** Opens {@code path} for writing (created or truncated) through the given compression. */
    public static OutputStream create(Path path, Compression compression) {
        try {
            return wrap(Files.newOutputStream(path), compression);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Wraps a stream; closing the result closes {@code out}. */
    public static OutputStream wrap(OutputStream out, Compression compression) {
        try {
            return switch (compression) {
                case NONE -> new BufferedOutputStream(out, 1 << 16);
                case GZIP -> new GZIPOutputStream(out, 1 << 16);
                case CHUNKED_GZIP -> new ChunkedGzipOutputStream(out);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cuts a written file to its first {@code length} bytes, like a dump interrupted by a full disk or a kill. */
    public static void truncate(Path path, long length) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
            if (length > channel.size()) {
                throw new IllegalArgumentException(path + " is only " + channel.size() + " bytes, cannot cut at "
                        + length);
            }
            channel.truncate(length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
