package org.hprofdiff.core.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.hprofdiff.testdata.synth.ChunkedGzipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The parallel inflater against the JDK's sequential {@link GZIPInputStream} (which reads concatenated
 * members): same bytes for whole files, for files cut anywhere, and for data that plants fake member
 * headers, even whole valid gzip members, inside the compressed bytes (stored, level-0 deflate keeps
 * them verbatim).
 */
class ChunkedGzipStreamTest {
    static final int BLOCK = 4096;

    static byte[] chunked(byte[] content, int blockSize, int level) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ChunkedGzipOutputStream gz = new ChunkedGzipOutputStream(out, blockSize, level)) {
            gz.write(content);
        }
        return out.toByteArray();
    }

    /** What the JDK's inflater gives before it stops (at the end, or at damage). */
    static byte[] sequential(byte[] gz) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz), 512)) {
            byte[] buf = new byte[1]; // byte by byte: a block read would drop the bytes inflated before an exception
            int r;
            while ((r = in.read(buf)) > 0) out.write(buf, 0, r);
        } catch (IOException e) {
            // the damage ends the data; what came before is kept
        }
        return out.toByteArray();
    }

    /** What the parallel inflater gives, and whether it said the data ended early. */
    record Parallel(byte[] bytes, IOException problem) {}

    static Parallel parallel(byte[] gz, int threads) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IOException problem = null;
        try (ChunkedGzipStream in = new ChunkedGzipStream(MemorySegment.ofArray(gz), ChunkedGzipStream.hotspotBlockSize(gz), threads)) {
            byte[] buf = new byte[777];
            int r;
            while ((r = in.read(buf, 0, buf.length)) > 0) out.write(buf, 0, r);
        } catch (IOException e) {
            problem = e;
        }
        return new Parallel(out.toByteArray(), problem);
    }

    static byte[] randomContent(int length, long seed) {
        byte[] b = new byte[length];
        Random r = new Random(seed);
        for (int i = 0; i < length; i++) b[i] = (byte) (r.nextInt(40) + 'a'); // compressible
        return b;
    }

    @Test
    void wholeFilesGiveTheSameBytes() throws IOException {
        for (int threads : new int[] {1, 2, 5}) {
            for (int length : new int[] {0, 1, BLOCK - 1, BLOCK, BLOCK + 1, 37 * BLOCK + 11}) {
                byte[] content = randomContent(length, length);
                byte[] gz = chunked(content, BLOCK, 6);
                assertEquals(BLOCK, ChunkedGzipStream.hotspotBlockSize(gz));
                Parallel p = parallel(gz, threads);
                assertArrayEquals(content, p.bytes(), "length " + length + ", threads " + threads);
                assertEquals(null, p.problem());
            }
        }
    }

    @Test
    void cutFilesGiveWhatSequentialInflationGivesAndSayWhy() throws IOException {
        byte[] content = randomContent(9 * BLOCK + 100, 3);
        byte[] gz = chunked(content, BLOCK, 6);
        Random r = new Random(5);
        for (int i = 0; i < 60; i++) {
            int cut = 30 + r.nextInt(gz.length - 31);
            byte[] part = Arrays.copyOf(gz, cut);
            Parallel p = parallel(part, 3);
            byte[] expected = sequential(part);
            assertArrayEquals(expected, p.bytes(), "cut at " + cut);
            assertTrue(p.problem() != null, "the cut at " + cut + " is reported");
        }
    }

    @Test
    void fakeMemberHeadersInsideTheDataAreNotTakenForMembers() throws IOException {
        // a real gzip member, and lone headers, planted in the content; level 0 stores them verbatim, so the
        // scan finds candidates inside members, some of which even inflate with a good CRC
        ByteArrayOutputStream planted = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(planted)) {
            g.write("a member inside a member".getBytes());
        }
        byte[] fakeMember = planted.toByteArray();
        byte[] header = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3};
        byte[] content = randomContent(12 * BLOCK, 9);
        Random r = new Random(11);
        for (int i = 0; i < 40; i++) {
            byte[] fake = i % 2 == 0 ? fakeMember : header;
            int at = r.nextInt(content.length - fake.length);
            System.arraycopy(fake, 0, content, at, fake.length);
        }
        // a header as the last bytes of a block: 8 bytes (the trailer) before the next member, so the scan,
        // which resumes 10 bytes after a candidate, steps over the true start and must recover
        System.arraycopy(header, 0, content, 3 * BLOCK - header.length, header.length);
        byte[] gz = chunked(content, BLOCK, 0);
        for (int threads : new int[] {1, 2, 4}) {
            Parallel p = parallel(gz, threads);
            assertEquals(null, p.problem());
            assertArrayEquals(content, p.bytes(), "threads " + threads);
        }
    }

    @Test
    void onlyHotSpotsCommentMarksChunkedGzip() throws IOException {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(plain)) {
            g.write(1);
        }
        assertEquals(-1, ChunkedGzipStream.hotspotBlockSize(plain.toByteArray()));
        assertEquals(1 << 20, ChunkedGzipStream.hotspotBlockSize(chunked(new byte[10], 1 << 20, 1)));
        byte[] huge = chunked(new byte[10], 1 << 20, 1);
        byte[] text = "HPROF BLOCKSIZE=999999999\0".getBytes();
        byte[] withHugeBlocks = Arrays.copyOf(huge, 10 + text.length);
        System.arraycopy(text, 0, withHugeBlocks, 10, text.length);
        assertEquals(-1, ChunkedGzipStream.hotspotBlockSize(withHugeBlocks), "not HotSpot's: inflated on one thread");
    }

    @Test
    void damagedMemberInTheMiddleEndsTheDataThere() throws IOException {
        byte[] content = randomContent(6 * BLOCK, 21);
        byte[] gz = chunked(content, BLOCK, 6);
        byte[] damaged = gz.clone();
        damaged[gz.length / 2] ^= 0x55;
        Parallel p = parallel(damaged, 2);
        // What a damaged member inflates to before the inflater notices is garbage either way; the JDK's inflater,
        // not knowing BLOCKSIZE, may go on longer. Both agree on every byte up to where the parallel one stops,
        // which is past every member before the damaged one.
        byte[] seq = sequential(damaged);
        assertTrue(p.bytes().length <= seq.length);
        assertArrayEquals(Arrays.copyOf(seq, p.bytes().length), p.bytes());
        // the flipped byte is in the middle of six about equally long members: the first two are whole
        assertTrue(p.bytes().length >= 2 * BLOCK, p.bytes().length + " bytes");
        assertArrayEquals(Arrays.copyOf(content, 2 * BLOCK), Arrays.copyOf(p.bytes(), 2 * BLOCK));
        IOException problem = p.problem();
        assertTrue(problem != null && problem.getMessage().contains("gzip member at compressed byte"), String.valueOf(problem));
    }
}
