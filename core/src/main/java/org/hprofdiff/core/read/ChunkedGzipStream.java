package org.hprofdiff.core.read;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.hprofdiff.core.parallel.Futures;

/**
 * Inflates HotSpot's chunked gzip ({@code jcmd GC.heap_dump -gz=N}) on several threads. HotSpot compresses
 * the dump in blocks of at most BLOCKSIZE bytes (named in the first member's comment, {@code HPROF
 * BLOCKSIZE=1048576}), each a complete gzip member, so members can be inflated independently once their
 * starts are known.
 *
 * <p>Starts are found by scanning the compressed bytes for a gzip member header, which may also match by
 * chance inside deflate data: so every candidate is only speculation. Workers inflate candidates ahead;
 * the reader accepts a member only when it starts exactly where the previous one ended (and its CRC-32
 * and length check out). A candidate before that point was a false match and is dropped; if the expected
 * start was not among the candidates, the speculation is discarded and inflation resumes there. The bytes
 * delivered are therefore exactly those of a sequential inflate.
 *
 * <p>At a member that cannot be inflated (a cut or damaged file) the stream delivers what that member
 * inflated to before the damage, then throws an {@link IOException} saying where; the reader turns that
 * into its truncation warning.
 */
final class ChunkedGzipStream extends InputStream {
    private static final ValueLayout.OfInt LE_INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final int HEADER_MIN = 10;
    private static final int TRAILER = 8;
    private static final int FHCRC = 2, FEXTRA = 4, FNAME = 8, FCOMMENT = 16;

    /** Larger BLOCKSIZEs are not HotSpot's (it writes 1 MiB); such files are inflated on one thread. */
    static final int MAX_BLOCK_SIZE = 64 << 20;

    private final MemorySegment gz;
    private final long size;
    private final int blockSize;
    private final ExecutorService workers;
    private final int window;
    private final ArrayDeque<Future<Member>> ahead = new ArrayDeque<>();
    /** Output buffers of members already read, for the workers to reuse (a 40 GB dump is 40,000 of them). */
    private final java.util.concurrent.ConcurrentLinkedQueue<byte[]> spare = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** Where the scan for the next candidate member start continues. */
    private long scanFrom;
    /** Where the next member must start: the end of the last one delivered. */
    private long expected;
    private Member current;
    private int currentPos;
    private IOException failure;

    /** One inflated member; {@code problem} is set when inflation stopped early (then {@code end} is unknown, -1). */
    private record Member(long start, long end, byte[] data, int length, String problem) {}

    /**
     * Reads the whole compressed file {@code gz}; {@code blockSize} is the header comment's BLOCKSIZE and
     * bounds a member's inflated size.
     */
    ChunkedGzipStream(MemorySegment gz, int blockSize, int threads) {
        this.gz = gz;
        this.size = gz.byteSize();
        this.blockSize = blockSize;
        this.window = 2 * threads + 2;
        this.workers = Executors.newFixedThreadPool(threads, r -> Thread.ofPlatform().daemon().name("hprof-inflate").unstarted(r));
    }

    /** The BLOCKSIZE of HotSpot's first-member comment, or -1 when {@code start} (the file's first bytes) has none. */
    static int hotspotBlockSize(byte[] start) {
        if (start.length < HEADER_MIN || (start[0] & 0xFF) != 0x1F || (start[1] & 0xFF) != 0x8B || start[2] != 8 || (start[3] & FCOMMENT) == 0) return -1;
        if ((start[3] & (FEXTRA | FNAME)) != 0) return -1;
        String text = new String(start, HEADER_MIN, start.length - HEADER_MIN, java.nio.charset.StandardCharsets.ISO_8859_1);
        String prefix = "HPROF BLOCKSIZE=";
        if (!text.startsWith(prefix)) return -1;
        int end = prefix.length();
        while (end < text.length() && Character.isDigit(text.charAt(end))) end++;
        if (end == prefix.length() || end >= text.length() || text.charAt(end) != 0 || end - prefix.length() > 9) return -1;
        int blockSize = Integer.parseInt(text.substring(prefix.length(), end));
        return blockSize > 0 && blockSize <= MAX_BLOCK_SIZE ? blockSize : -1;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        while (current == null || currentPos == current.length()) {
            if (current != null && current.problem() != null) throw failure();
            if (!nextMember()) return -1;
        }
        int n = Math.min(len, current.length() - currentPos);
        System.arraycopy(current.data(), currentPos, b, off, n);
        currentPos += n;
        return n;
    }

    /**
     * Stops the workers and waits for them: an inflate in progress holds the mapped file, which its
     * {@link HprofFile} unmaps on close, and that must not happen under a worker's feet.
     */
    @Override
    public void close() {
        ahead.forEach(f -> f.cancel(true));
        ahead.clear();
        workers.shutdownNow();
        boolean interrupted = false;
        while (true) {
            try {
                if (workers.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)) break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    private IOException failure() {
        if (failure == null) failure = new IOException(current.problem());
        return failure;
    }

    /** Makes the member at {@link #expected} current; false at the end of the file. */
    private boolean nextMember() throws IOException {
        if (expected >= size) return false;
        fillAhead();
        while (!ahead.isEmpty()) {
            Future<Member> head = ahead.peekFirst();
            Member m = Futures.awaitUninterruptibly(head);
            if (m.start() == expected) { // the member that must come next (possibly damaged: then it ends the data)
                ahead.pollFirst();
                accept(m);
                return true;
            }
            if (m.start() < expected) { // a false candidate inside the previous member
                recycle(m);
                ahead.pollFirst();
                fillAhead();
                continue;
            }
            break; // the candidates skipped the expected start: the speculation is off
        }
        ahead.forEach(f -> f.cancel(true));
        ahead.clear();
        scanFrom = expected + 1;
        accept(inflate(expected));
        return true;
    }

    private void accept(Member m) {
        if (current != null) recycle(current);
        current = m;
        currentPos = 0;
        expected = m.problem() == null ? m.end() : size;
        if (scanFrom < expected) scanFrom = expected;
    }

    /** Starts inflating candidates until {@link #window} are in flight. */
    private void fillAhead() {
        if (ahead.isEmpty() && scanFrom < expected) scanFrom = expected;
        while (ahead.size() < window) {
            long candidate = nextCandidate(scanFrom);
            if (candidate < 0) break;
            scanFrom = candidate + HEADER_MIN;
            ahead.addLast(workers.submit(() -> inflate(candidate)));
        }
    }

    /** The next offset from {@code from} that looks like a member header (1f 8b 08, no reserved flags), or -1. */
    private long nextCandidate(long from) {
        long last = size - HEADER_MIN - TRAILER;
        for (long p = from; p <= last; p++) {
            if (gz.get(ValueLayout.JAVA_BYTE, p) == 0x1F && gz.get(ValueLayout.JAVA_BYTE, p + 1) == (byte) 0x8B
                    && gz.get(ValueLayout.JAVA_BYTE, p + 2) == 8 && (gz.get(ValueLayout.JAVA_BYTE, p + 3) & 0xE0) == 0) {
                return p;
            }
        }
        return -1;
    }

    /**
     * Inflates the member at {@code start}. A candidate that is no member gives a Member with a problem and
     * end -1 only when it is the expected start; speculative failures are simply never accepted.
     */
    private Member inflate(long start) {
        long p = start;
        if (p + HEADER_MIN > size || u1(p) != 0x1F || u1(p + 1) != 0x8B || u1(p + 2) != 8) {
            return failed(start, new byte[0], 0, "no gzip member starts at compressed byte " + start);
        }
        int flags = u1(p + 3);
        p += HEADER_MIN;
        try {
            if ((flags & FEXTRA) != 0) p += 2 + (u1(p) | u1(p + 1) << 8);
            if ((flags & FNAME) != 0) p = afterNul(p);
            if ((flags & FCOMMENT) != 0) p = afterNul(p);
            if ((flags & FHCRC) != 0) p += 2;
        } catch (IndexOutOfBoundsException e) {
            return failed(start, new byte[0], 0, "the gzip member header at compressed byte " + start + " is cut short");
        }
        Inflater inflater = new Inflater(true);
        byte[] out = spare.poll();
        if (out == null) out = new byte[blockSize + 1]; // one more: a member that fills it is longer than BLOCKSIZE
        int length = 0;
        try {
            long in = p;
            while (!inflater.finished()) {
                if (inflater.needsInput()) {
                    if (in >= size) return failed(start, out, length, "the compressed data ends inside the gzip member at compressed byte " + start);
                    int chunk = (int) Math.min(1 << 16, size - in);
                    inflater.setInput(gz.asSlice(in, chunk).asByteBuffer());
                    in += chunk;
                }
                if (length == out.length) {
                    // HotSpot's members never exceed BLOCKSIZE: this is no member of this file
                    return failed(start, out, length, "the gzip member at compressed byte " + start + " inflates to more than BLOCKSIZE " + blockSize);
                }
                int n = inflater.inflate(out, length, out.length - length);
                length += n;
                if (n == 0 && inflater.needsDictionary()) return failed(start, out, length, "the gzip member at compressed byte " + start + " needs a dictionary");
            }
            long trailer = in - inflater.getRemaining();
            if (trailer + TRAILER > size) return failed(start, out, length, "the compressed data ends inside the gzip trailer of the member at compressed byte " + start);
            CRC32 crc = new CRC32();
            crc.update(out, 0, length);
            if (gz.get(LE_INT, trailer) != (int) crc.getValue() || gz.get(LE_INT, trailer + 4) != length) {
                return failed(start, out, length, "CRC or length mismatch in the gzip member at compressed byte " + start);
            }
            return new Member(start, trailer + TRAILER, out, length, null);
        } catch (DataFormatException e) {
            // an inflate call that meets damage returns nothing of what it inflated: recover that prefix
            return failed(start, out, inflatablePrefix(p, out), "corrupt deflate data in the gzip member at compressed byte " + start
                    + " (" + e.getMessage() + ")");
        } finally {
            inflater.end();
        }
    }

    /** Inflates the deflate data at {@code p} one byte at a time into {@code out} until it fails; returns how many came out. */
    private int inflatablePrefix(long p, byte[] out) {
        Inflater inflater = new Inflater(true);
        int length = 0;
        try {
            inflater.setInput(gz.asSlice(p, size - p).asByteBuffer());
            while (length < out.length && !inflater.finished()) {
                if (inflater.inflate(out, length, 1) == 0 && (inflater.needsInput() || inflater.needsDictionary())) break;
                length++;
            }
        } catch (DataFormatException e) {
            // where the damage starts
        } finally {
            inflater.end();
        }
        return length;
    }

    private void recycle(Member m) {
        if (spare.size() < window) spare.add(m.data());
    }

    private static Member failed(long start, byte[] out, int length, String problem) {
        return new Member(start, -1, out, length, problem);
    }

    private int u1(long p) {
        return gz.get(ValueLayout.JAVA_BYTE, p) & 0xFF;
    }

    private long afterNul(long p) {
        while (gz.get(ValueLayout.JAVA_BYTE, p) != 0) p++;
        return p + 1;
    }
}
