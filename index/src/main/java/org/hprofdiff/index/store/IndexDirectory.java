package org.hprofdiff.index.store;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A committed index directory, opened for reading: the manifest is checked (header, footer,
 * checksum), then every file it lists is mapped read-only and its header and footer checked against
 * the manifest. Opening reads a few hundred bytes per file, never the data, so it is fast for any
 * index size; {@link #verifyChecksums} reads everything. All mappings share one arena and are unmapped
 * by {@link #close}.
 */
public final class IndexDirectory implements AutoCloseable {
    private final Path dir;
    private final byte[] identity;
    private final Manifest manifest;
    private final Arena arena;
    private final Map<String, MemorySegment> files = new LinkedHashMap<>();

    private IndexDirectory(Path dir, byte[] identity, Manifest manifest, Arena arena) {
        this.dir = dir;
        this.identity = identity;
        this.manifest = manifest;
        this.arena = arena;
    }

    /**
     * Opens {@code dir}. Throws {@link IndexCorruptException} for anything that makes the index
     * untrustworthy (missing, foreign, other version or dump, incomplete): the caller rebuilds.
     */
    public static IndexDirectory open(Path dir, byte[] expectedIdentity) throws IOException {
        Arena arena = Arena.ofShared();
        try {
            Path manifestPath = dir.resolve(Manifest.FILE);
            Manifest manifest = Manifest.read(map(manifestPath, arena), manifestPath, expectedIdentity);
            IndexDirectory d = new IndexDirectory(dir, expectedIdentity, manifest, arena);
            for (Map.Entry<String, Manifest.FileEntry> e : manifest.files().entrySet()) {
                Path p = dir.resolve(e.getKey());
                MemorySegment seg = map(p, arena);
                FileHeader h = FileHeader.read(seg, p, e.getKey(), expectedIdentity);
                if (h.dataLength() != e.getValue().dataLength() || h.width() != e.getValue().width()) {
                    throw new IndexCorruptException(p, 40, "holds " + h.dataLength() + " bytes of width " + h.width()
                            + "; the manifest says " + e.getValue().dataLength() + " of width " + e.getValue().width());
                }
                d.files.put(e.getKey(), seg);
            }
            return d;
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    private static MemorySegment map(Path p, Arena arena) throws IOException {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            return ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size(), arena);
        } catch (NoSuchFileException e) {
            throw new IndexCorruptException(p, 0, "file is missing");
        }
    }

    public Path path() { return dir; }

    public Manifest manifest() { return manifest; }

    /** A listed file, whole (header, data, footer). */
    public MemorySegment file(String name) throws IndexCorruptException {
        MemorySegment seg = files.get(name);
        if (seg == null) throw new IndexCorruptException(dir.resolve(name), 0, "file is not in the manifest");
        return seg;
    }

    /** A listed file's data only. */
    public MemorySegment data(String name) throws IndexCorruptException {
        MemorySegment f = file(name);
        return f.asSlice(IndexFormat.HEADER_BYTES, f.byteSize() - IndexFormat.HEADER_BYTES - IndexFormat.FOOTER_BYTES);
    }

    /** A listed packed column of {@code length} elements, checked against its recorded width and size. */
    public PackedColumn column(String name, long length) throws IndexCorruptException {
        MemorySegment f = file(name);
        Manifest.FileEntry e = manifest.files().get(name);
        if (e.width() < 1 || e.width() > 8 || e.dataLength() != length * e.width()) {
            throw new IndexCorruptException(dir.resolve(name), 40, "holds " + e.dataLength() + " bytes of width " + e.width()
                    + "; expected " + length + " elements");
        }
        return new PackedColumn(f, e.width(), length);
    }

    /**
     * A derived file written after the commit by a later analysis (see {@link #createDerived}), if it
     * exists and is complete; a damaged or foreign one is treated as absent (and will be rewritten).
     */
    public Optional<MemorySegment> derived(String name) throws IOException {
        Path p = dir.resolve(name);
        if (!Files.exists(p)) return Optional.empty();
        MemorySegment seg = map(p, arena);
        try {
            FileHeader.read(seg, p, name, identity);
        } catch (IndexCorruptException e) {
            return Optional.empty();
        }
        return Optional.of(seg);
    }

    /**
     * Starts a derived file (e.g. a later analysis's dominator tree): written under a temporary name in
     * the index directory through a {@link MappedWriter}; {@link #publishDerived} makes it visible. The
     * file carries this index's dump identity, and {@code name} is its kind (at most 16 characters; put an
     * analysis version in it, e.g. {@code dom.idom.v1}). Derived files vanish with the index when it is
     * rebuilt (the directory is replaced).
     */
    public MappedWriter createDerived(String name, int width, long dataLength) throws IOException {
        Path temp = dir.resolve(name + ".tmp-" + ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime()));
        return new MappedWriter(temp, name, identity, width, dataLength);
    }

    /** Finishes a derived file and renames it into place (replacing an older one atomically). */
    public void publishDerived(MappedWriter writer) throws IOException {
        writer.finish();
        String kind = writer.kind();
        Commit.publish(writer.path(), dir.resolve(kind));
    }

    public byte[] identity() { return identity.clone(); }

    /** Recomputes every listed file's CRC32C and compares with the manifest and the footer. */
    public void verifyChecksums() throws IndexCorruptException {
        for (Map.Entry<String, Manifest.FileEntry> e : manifest.files().entrySet()) {
            MemorySegment f = files.get(e.getKey());
            int crc = Checksums.crc32c(f.asSlice(IndexFormat.HEADER_BYTES, e.getValue().dataLength()));
            if (crc != e.getValue().crc32c() || crc != FileHeader.storedChecksum(f)) {
                throw new IndexCorruptException(dir.resolve(e.getKey()), IndexFormat.HEADER_BYTES,
                        "checksum mismatch; the data is damaged");
            }
        }
    }

    @Override
    public void close() {
        arena.close();
    }
}
