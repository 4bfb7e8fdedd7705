package org.hprofdiff.index.store;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Allocates a file's disk blocks before it is mapped for writing. A write to a mapped page that the
 * file system cannot back (disk full, quota) raises SIGBUS; reserving first turns that into an
 * {@link IOException} at a known point. Uses {@code posix_fallocate} through the FFM linker when
 * native access is enabled (the launcher enables it), otherwise writes zeros.
 */
public final class SpaceReservation {
    private SpaceReservation() {}

    private static final int ENOSPC = 28;
    private static final int EDQUOT = 122;
    private static final int O_RDWR = 2;
    private static final Optional<Native> NATIVE = Native.load();

    /** Extends the (new, empty) file behind {@code channel} to {@code size} bytes, all allocated. */
    public static void reserve(FileChannel channel, Path path, long size) throws IOException {
        if (size == 0) return;
        if (NATIVE.isPresent() && NATIVE.get().fallocate(path, size)) return;
        writeZeros(channel, path, size);
    }

    private static void writeZeros(FileChannel channel, Path path, long size) throws IOException {
        ByteBuffer zeros = ByteBuffer.allocateDirect(1 << 20);
        long pos = channel.size();
        try {
            while (pos < size) {
                zeros.clear().limit((int) Math.min(zeros.capacity(), size - pos));
                while (zeros.hasRemaining()) pos += channel.write(zeros, pos);
            }
        } catch (IOException e) {
            throw new IndexPlaceException(path + ": cannot reserve " + size + " bytes (" + e.getMessage() + ")", e);
        }
    }

    /** libc's open/posix_fallocate/close. */
    private record Native(MethodHandle open, MethodHandle fallocate, MethodHandle close) {
        static Optional<Native> load() {
            try {
                if (!SpaceReservation.class.getModule().isNativeAccessEnabled()) return Optional.empty();
                if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) return Optional.empty();
                Linker linker = Linker.nativeLinker();
                SymbolLookup libc = linker.defaultLookup();
                MethodHandle open = linker.downcallHandle(libc.find("open").orElseThrow(),
                        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT), Linker.Option.firstVariadicArg(2));
                MethodHandle fallocate = linker.downcallHandle(libc.find("posix_fallocate").orElseThrow(),
                        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG));
                MethodHandle close = linker.downcallHandle(libc.find("close").orElseThrow(),
                        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
                return Optional.of(new Native(open, fallocate, close));
            } catch (Throwable e) {
                return Optional.empty(); // no native access: fall back to writing zeros
            }
        }

        /** True when reserved; false when the file system cannot (caller falls back); throws when the disk is full. */
        boolean fallocate(Path path, long size) throws IOException {
            int result;
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment name = arena.allocateFrom(path.toAbsolutePath().toString());
                int fd = (int) open.invokeExact(name, O_RDWR);
                if (fd < 0) return false;
                try {
                    result = (int) fallocate.invokeExact(fd, 0L, size);
                } finally {
                    int ignored = (int) close.invokeExact(fd);
                }
            } catch (Throwable e) {
                return false;
            }
            if (result == ENOSPC || result == EDQUOT) {
                throw new IndexPlaceException(path + ": no space left on the device for " + size + " bytes" + (result == EDQUOT ? " (disk quota)" : ""));
            }
            return result == 0;
        }
    }
}
