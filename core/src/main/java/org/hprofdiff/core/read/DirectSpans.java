package org.hprofdiff.core.read;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.hprofdiff.core.parallel.Futures;

/**
 * Reads the parts of a dump a pass will parse ("items": heap records, the second pass's work units), in file
 * order, into native buffers with {@code O_DIRECT}, ahead of the threads that parse them; consecutive items are
 * read together, up to a buffer. Why: a dump larger than memory gains nothing from the page cache, and on some
 * machines filling it costs more than parsing. Measured on the 2-core PVM guest of docs/benchmarks.md, reading a
 * 39.8 GB dump with {@code dd} took 46.0 s wall and 37.4 s of kernel CPU through the page cache, 26.3 s and 0.9 s
 * with {@code O_DIRECT}: each page-cache page is memory the host has to hand the guest again.
 *
 * <p>One thread reads; consumers {@link #acquire} an item (waiting until it is read) and {@link #release} it once
 * parsed. Items are read in increasing order, as far ahead as the buffers allow, so the item a consumer waits for is
 * never behind a buffer that only a later item frees, as long as consumers take items in increasing order (each
 * consumer's own items, and the items taken overall). An item longer than a buffer, an empty one, or one whose read
 * failed comes back {@code null}: its consumer reads it through the mapping instead, which is never wrong.
 */
public final class DirectSpans implements AutoCloseable {
    /** Bytes one buffer holds: heap records (about 1 MiB from HotSpot) and the second pass's 4 MiB units fit. */
    public static final int BUFFER_BYTES = 16 << 20;

    /** Bytes of the file from {@code fileStart} on, as read into a buffer. */
    public record Window(MemorySegment bytes, long fileStart) {}

    private static final Window NOT_READ = new Window(MemorySegment.NULL, -1);

    private final FileChannel channel;
    private final long fileSize;
    private final int align;
    private final long[] starts;
    private final long[] ends;
    private final Arena arena = Arena.ofShared();
    private final Thread reader;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Guarded by {@link #lock}: buffers not holding a read group. */
    private final Deque<MemorySegment> free = new ArrayDeque<>();
    /** Guarded by {@link #lock}: groups read and not yet released entirely, in item order. */
    private final List<Group> groups = new ArrayList<>();
    /** At most this many groups wait for their consumers, read or not (items not read take no buffer). */
    private final int maxGroups;
    /** Guarded by {@link #lock}: {@link #close} was called; nothing is read or waited for any more. */
    private boolean closed;
    /** Guarded by {@link #lock}: the reading thread has ended (every item published, or it stopped). */
    private boolean readerEnded;

    /** Items [first, end) read into {@code window}, with how many of them are not released yet. */
    private static final class Group {
        final long first;
        final long end;
        final Window window;
        final MemorySegment buffer;
        long unreleased;

        Group(long first, long end, Window window, MemorySegment buffer) {
            this.first = first;
            this.end = end;
            this.window = window;
            this.buffer = buffer;
            this.unreleased = end - first;
        }
    }

    private DirectSpans(FileChannel channel, long fileSize, int align, long[] starts, long[] ends, int buffers) {
        this.channel = channel;
        this.fileSize = fileSize;
        this.align = align;
        this.starts = starts;
        this.ends = ends;
        this.maxGroups = 4 * buffers;
        for (int i = 0; i < buffers; i++) free.add(arena.allocate(BUFFER_BYTES + 2L * align, align));
        this.reader = Thread.ofPlatform().name("hprof-direct-read").daemon().unstarted(this::run);
    }

    /**
     * Starts reading items {@code i} = 0, 1, ... (bytes {@code [starts[i], ends[i])} of {@code file}, in increasing
     * order) into {@code buffers} buffers; null when the file cannot be opened for direct reads (a file system
     * without {@code O_DIRECT}, such as tmpfs), and the caller reads through the mapping as before.
     */
    public static DirectSpans start(Path file, long fileSize, long[] starts, long[] ends, int buffers) {
        FileChannel channel;
        int align;
        try {
            align = (int) Math.max(4096, Files.getFileStore(file).getBlockSize());
            channel = FileChannel.open(file, StandardOpenOption.READ, ExtendedOpenOption.DIRECT);
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
        DirectSpans spans = new DirectSpans(channel, fileSize, align, starts, ends, Math.max(1, buffers));
        spans.reader.start();
        return spans;
    }

    /** Whether {@code file} can be read with {@code O_DIRECT} (not on tmpfs, for one). */
    public static boolean possible(Path file) {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.READ, ExtendedOpenOption.DIRECT)) {
            return c.isOpen();
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** The bytes holding item {@code item}, waiting until they are read; null: read it through the mapping. */
    public Window acquire(long item) {
        lock.lock();
        try {
            while (true) {
                Group g = groupOf(item);
                if (g != null) return g.window == NOT_READ ? null : g.window;
                if (closed || readerEnded) return null; // never read: through the mapping
                changed.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The consumer is done with {@code item}; its buffer is read into again once every item in it is released. */
    public void release(long item) {
        lock.lock();
        try {
            Group g = groupOf(item);
            if (g == null) return;
            if (--g.unreleased == 0) {
                groups.remove(g);
                if (g.buffer != null) free.add(g.buffer);
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    private Group groupOf(long item) {
        for (Group g : groups) {
            if (item >= g.first && item < g.end) return g;
        }
        return null;
    }

    /** Reads every item; however it ends, no consumer is left waiting for an item it will not read. */
    private void run() {
        try {
            readAll();
        } finally {
            ended(false);
        }
    }

    /** Records that {@link #close} was called ({@code byClose}) or that the reader ended, and wakes whoever waits. */
    private void ended(boolean byClose) {
        lock.lock();
        try {
            if (byClose) closed = true;
            else readerEnded = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void readAll() {
        int item = 0;
        while (item < starts.length) {
            int first = item++;
            if (!readable(first)) {
                if (!publish(new Group(first, first + 1, NOT_READ, null))) return;
                continue;
            }
            long alignedFrom = starts[first] - starts[first] % align;
            long to = ends[first];
            // the next items join while they follow in the file (less than a block apart) and all still fit one buffer
            while (item < starts.length && readable(item) && starts[item] >= to && starts[item] - to < align
                    && ends[item] - alignedFrom <= BUFFER_BYTES) {
                to = ends[item++];
            }
            MemorySegment buffer = takeFree();
            if (buffer == null) return; // closed
            Window window = read(buffer, alignedFrom, to);
            if (!publish(new Group(first, item, window == null ? NOT_READ : window, buffer))) return;
        }
    }

    /** Whether item {@code i} can be read into a buffer: not empty, inside the file, not longer than a buffer. */
    private boolean readable(int i) {
        return ends[i] > starts[i] && ends[i] <= fileSize && ends[i] - starts[i] <= BUFFER_BYTES;
    }

    /** Reads file bytes [alignedFrom, to) (the end rounded up to the alignment, cut at the file's end) into the buffer. */
    private Window read(MemorySegment buffer, long alignedFrom, long to) {
        long wanted = to - alignedFrom;
        ByteBuffer bytes = buffer.asSlice(0, roundUp(wanted)).asByteBuffer();
        try {
            // whole blocks; a read that ends at the file's end returns less, and one after it would start unaligned
            while (bytes.position() < wanted) {
                int r = channel.read(bytes, alignedFrom + bytes.position());
                if (r <= 0) break;
            }
        } catch (IOException e) {
            return null; // the mapping reads these bytes, or reports what is wrong with them
        }
        if (bytes.position() < wanted) return null;
        return new Window(buffer.asSlice(0, to - alignedFrom), alignedFrom);
    }

    private long roundUp(long bytes) {
        return (bytes + align - 1) / align * align;
    }

    private MemorySegment takeFree() {
        lock.lock();
        try {
            while (free.isEmpty() && !closed) changed.awaitUninterruptibly();
            return closed ? null : free.poll();
        } finally {
            lock.unlock();
        }
    }

    /** Hands a group to the consumers once fewer than {@link #maxGroups} wait; false when closed meanwhile. */
    private boolean publish(Group g) {
        lock.lock();
        try {
            while (groups.size() >= maxGroups && !closed) changed.awaitUninterruptibly();
            if (closed) return false;
            groups.add(g);
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Stops reading and frees the buffers; call once no consumer uses a window any more. */
    @Override
    public void close() {
        ended(true);
        Futures.joinUninterruptibly(reader);
        try {
            channel.close();
        } catch (IOException e) {
            // read-only: nothing is lost
        }
        arena.close();
    }
}
