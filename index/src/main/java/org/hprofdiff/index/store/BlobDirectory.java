package org.hprofdiff.index.store;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;

/**
 * A directory of small results, each a blob of bytes under a name of the caller's choosing, kept inside an index
 * directory so that they live and die with it. Each blob is a file with the index's header and footer
 * ({@link FileHeader}: kind, the dump's identity, length, CRC32C), written under a temporary name, forced to disk
 * and renamed into place ({@link Commit#publish}), so a crash leaves the old blob, none, or the new one. A blob that
 * is missing, cut short, damaged or another dump's reads as absent: the caller computes it again and writes it over.
 * File names are a digest of the caller's name, which may hold any characters.
 */
public final class BlobDirectory {
    private static final String SUFFIX = ".blob";
    private final Path directory;
    private final String kind;
    private final byte[] identity;

    /**
     * @param kind     what the blobs hold, at most 16 ASCII characters, checked on every read
     * @param identity the dump's identity digest ({@link DumpIdentity#digest()}), checked on every read
     */
    public BlobDirectory(Path directory, String kind, byte[] identity) {
        this.directory = directory;
        this.kind = kind;
        this.identity = identity.clone();
    }

    public Path directory() { return directory; }

    /** The blob stored under {@code name}; null when there is none or it cannot be trusted. */
    public byte[] read(String name) {
        Path file = fileOf(name);
        try {
            return data(MemorySegment.ofArray(Files.readAllBytes(file)), file);
        } catch (IOException e) {
            return null; // missing, unreadable or damaged (IndexCorruptException): computed again and written over
        }
    }

    /**
     * Stores {@code data} under {@code name}, replacing what was there. Temporary files that writes killed midway left
     * behind (an hour old or more: a write takes milliseconds) are deleted on the way.
     */
    public void write(String name, byte[] data) throws IOException {
        Files.createDirectories(directory);
        removeAbandoned();
        Path file = fileOf(name);
        Path temporary = Commit.tempSibling(file);
        try (SequentialWriter out = new SequentialWriter(temporary, kind, identity, 0)) {
            out.putBytes(data, 0, data.length);
            out.finish();
            Commit.publish(temporary, file);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static final long ABANDONED_MILLIS = 3_600_000;

    private void removeAbandoned() throws IOException {
        long before = System.currentTimeMillis() - ABANDONED_MILLIS;
        try (DirectoryStream<Path> temporary = Files.newDirectoryStream(directory, "*" + SUFFIX + Commit.TEMP_MARK + "*")) {
            for (Path t : temporary) {
                try {
                    if (Files.getLastModifiedTime(t).toMillis() < before) Files.deleteIfExists(t);
                } catch (NoSuchFileException e) {
                    // another run removed it first
                }
            }
        }
    }

    /** What is wrong with each stored blob that cannot be trusted (empty: all intact, or none stored). */
    public List<String> problems() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : files()) {
            try {
                data(MemorySegment.ofArray(Files.readAllBytes(file)), file);
            } catch (IndexCorruptException e) {
                problems.add(e.getMessage());
            }
        }
        return problems;
    }

    /** The stored blobs' files (temporary files of writes in progress or killed left out). */
    public List<Path> files() throws IOException {
        if (!Files.isDirectory(directory)) return List.of();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            List<Path> found = new ArrayList<>();
            for (Path f : files) found.add(f);
            found.sort(null);
            return found;
        }
    }

    private byte[] data(MemorySegment file, Path path) throws IndexCorruptException {
        FileHeader header = FileHeader.read(file, path, kind, identity);
        MemorySegment data = file.asSlice(IndexFormat.HEADER_BYTES, header.dataLength());
        if (Checksums.crc32c(data) != FileHeader.storedChecksum(file)) {
            throw new IndexCorruptException(path, IndexFormat.HEADER_BYTES, "data does not match its CRC32C");
        }
        return data.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
    }

    private Path fileOf(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return directory.resolve(HexFormat.of().formatHex(digest, 0, 16) + SUFFIX);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
