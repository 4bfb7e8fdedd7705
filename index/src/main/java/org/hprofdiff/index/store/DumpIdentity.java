package org.hprofdiff.index.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes a dump "the same dump" for the cache: size, modification time, the hprof header, and a
 * hash of its first and last MiB. Cheap to compute (2 MiB read) and changes when the file is replaced,
 * rewritten, appended to or truncated. Every index file carries {@link #digest} so that files from
 * two different dumps are never mixed.
 *
 * @param headHash SHA-256 (first 8 bytes) of the first MiB
 * @param tailHash SHA-256 (first 8 bytes) of the last MiB
 */
public record DumpIdentity(long size, long modifiedMillis, String headerVersion, int idSize, long dumpTimestamp,
                           long headHash, long tailHash) {

    static final int HASHED_BYTES = 1 << 20;

    public static DumpIdentity of(Path dump, String headerVersion, int idSize, long dumpTimestamp) throws IOException {
        long size = Files.size(dump);
        long mtime = Files.getLastModifiedTime(dump).toMillis();
        try (FileChannel ch = FileChannel.open(dump, StandardOpenOption.READ)) {
            long head = hashRange(ch, 0, Math.min(size, HASHED_BYTES));
            long tailStart = Math.max(0, size - HASHED_BYTES);
            long tail = hashRange(ch, tailStart, size - tailStart);
            return new DumpIdentity(size, mtime, headerVersion, idSize, dumpTimestamp, head, tail);
        }
    }

    /** 16 bytes that stand for all fields, written into every file header. */
    public byte[] digest() {
        MessageDigest sha = sha256();
        ByteBuffer b = ByteBuffer.allocate(48);
        b.putLong(size).putLong(modifiedMillis).putInt(idSize).putLong(dumpTimestamp).putLong(headHash).putLong(tailHash);
        sha.update(b.array(), 0, b.position());
        sha.update(headerVersion.getBytes(StandardCharsets.US_ASCII));
        byte[] full = sha.digest();
        byte[] d = new byte[16];
        System.arraycopy(full, 0, d, 0, 16);
        return d;
    }

    public String digestHex() {
        return HexFormat.of().formatHex(digest());
    }

    /** What differs from another identity, for the one-line "stale index" note. */
    public String differenceFrom(DumpIdentity other) {
        if (size != other.size) return "size " + other.size + " -> " + size;
        if (modifiedMillis != other.modifiedMillis) return "modification time changed";
        if (!headerVersion.equals(other.headerVersion) || idSize != other.idSize || dumpTimestamp != other.dumpTimestamp) return "hprof header changed";
        if (headHash != other.headHash) return "first MiB changed";
        if (tailHash != other.tailHash) return "last MiB changed";
        return "no difference";
    }

    private static long hashRange(FileChannel ch, long from, long length) throws IOException {
        MessageDigest sha = sha256();
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(length, 1 << 16));
        long pos = from;
        long end = from + length;
        while (pos < end) {
            buf.clear().limit((int) Math.min(buf.capacity(), end - pos));
            int n = ch.read(buf, pos);
            if (n < 0) break;
            sha.update(buf.array(), 0, n);
            pos += n;
        }
        return ByteBuffer.wrap(sha.digest()).getLong();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
