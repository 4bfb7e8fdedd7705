package org.hprofdiff.index.store;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Asks the kernel to read a file ahead of a sequential consumer ({@code posix_fadvise(WILLNEED)} on the
 * next chunks, from a daemon thread), so that a pass over a mapped dump that is not in the page cache reads
 * at the disk's speed instead of stalling on one page fault after another. It stays at most
 * {@link #AHEAD} bytes ahead of {@link #consumedUpTo}, so a dump larger than memory does not evict itself.
 * Without native access (or off Linux) it does nothing.
 */
public final class Prefetcher implements AutoCloseable {
    static final long CHUNK = 32L << 20;
    static final long AHEAD = 512L << 20;
    private static final int O_RDONLY = 0;
    private static final int POSIX_FADV_WILLNEED = 3;

    private final Thread thread;
    private volatile long consumed;
    private volatile boolean closed;

    private Prefetcher(Path file, long size, Native n) {
        this.thread = new Thread(() -> run(file, size, n), "hprof-diff-prefetch");
        thread.setDaemon(true);
    }

    /** Starts reading {@code file} ahead from byte {@code from}; a no-op prefetcher when that is not possible. */
    public static Prefetcher start(Path file, long size, long from) {
        Native n = Native.INSTANCE;
        Prefetcher p = new Prefetcher(file, size, n);
        p.consumed = from;
        if (n != null) p.thread.start();
        return p;
    }

    /** The consumer has read everything before {@code position}. */
    public void consumedUpTo(long position) {
        if (position > consumed) consumed = position;
    }

    private void run(Path file, long size, Native n) {
        try (Arena arena = Arena.ofConfined()) {
            int fd = (int) n.open.invokeExact(arena.allocateFrom(file.toAbsolutePath().toString()), O_RDONLY);
            if (fd < 0) return;
            try {
                long next = consumed;
                while (!closed && next < size) {
                    if (next - consumed > AHEAD) {
                        Thread.sleep(5);
                        continue;
                    }
                    if (next < consumed) next = consumed;
                    long len = Math.min(CHUNK, size - next);
                    int ignored = (int) n.fadvise.invokeExact(fd, next, len, POSIX_FADV_WILLNEED);
                    next += len;
                }
            } finally {
                int ignored = (int) n.close.invokeExact(fd);
            }
        } catch (Throwable e) {
            // read-ahead is an optimisation: without it the pass is slower, not wrong
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    private record Native(MethodHandle open, MethodHandle fadvise, MethodHandle close) {
        static final Native INSTANCE = load();

        static Native load() {
            try {
                if (!Prefetcher.class.getModule().isNativeAccessEnabled()) return null;
                if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) return null;
                Linker linker = Linker.nativeLinker();
                SymbolLookup libc = linker.defaultLookup();
                return new Native(
                        linker.downcallHandle(libc.find("open").orElseThrow(),
                                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT), Linker.Option.firstVariadicArg(2)),
                        linker.downcallHandle(libc.find("posix_fadvise").orElseThrow(),
                                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT)),
                        linker.downcallHandle(libc.find("close").orElseThrow(), FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT)));
            } catch (Throwable e) {
                return null;
            }
        }
    }
}
