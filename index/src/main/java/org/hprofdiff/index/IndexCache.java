package org.hprofdiff.index;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.hprofdiff.core.read.DumpFormatException;
import org.hprofdiff.core.read.HprofFile;
import org.hprofdiff.core.size.SizeModel;
import org.hprofdiff.core.size.SizeModelOverrides;
import org.hprofdiff.index.build.IndexBuilder;
import org.hprofdiff.index.store.BuildLock;
import org.hprofdiff.index.store.Commit;
import org.hprofdiff.index.store.DumpIdentity;
import org.hprofdiff.index.store.IndexCorruptException;
import org.hprofdiff.index.store.IndexDirectory;
import org.hprofdiff.index.store.IndexFiles;
import org.hprofdiff.index.store.IndexLocator;
import org.hprofdiff.index.store.Manifest;

/**
 * The index as a cache of its dump: finds an index beside the dump (or in the places {@link IndexLocator} knows),
 * checks that it belongs to this very dump ({@link DumpIdentity}, the heap dump chosen, the size model asked for),
 * builds one when there is none or it is stale, foreign or damaged (under a {@link BuildLock}, into a temporary
 * directory renamed into place when complete: {@link Commit}), and hands out the {@link DumpIndex} that reads it.
 * A {@code --no-cache} index is built aside and deleted when closed.
 */
public final class IndexCache {
    private IndexCache() {}

    /**
     * Opens the dump's index, building it first when there is none or the one found is stale,
     * foreign or damaged (with a one-line note saying so). Concurrent callers on one dump wait for one
     * build and then share its result.
     */
    public static DumpIndex openOrBuild(Path dumpPath, IndexOptions options, BuildProgress progress) throws IOException, DumpFormatException {
        HprofFile dump = HprofFile.open(dumpPath);
        try {
            DumpIdentity identity = DumpIdentity.of(dumpPath, dump.header().version(), dump.header().idSize(), dump.header().timestampMillis());
            IndexLocator locator = IndexLocator.of(options.indexDir(), options.environment());
            List<IndexLocator.Location> candidates = locator.candidates(dumpPath);
            if (options.noCache()) return buildTemporary(dump, identity, options, candidates, progress);
            for (IndexLocator.Location c : candidates) {
                Optional<DumpIndex> found = tryOpen(dump, c.dir(), identity, options, progress);
                if (found.isPresent()) return found.get();
            }
            IndexLocator.Location target = candidates.stream().filter(IndexLocator::writable).findFirst()
                    .orElseThrow(() -> locator.nowhereToWrite(dumpPath, candidates));
            if (target != candidates.getFirst()) progress.note("the dump's directory is not writable; the index goes to the " + target.kind() + " at " + target.dir());
            try (BuildLock lock = BuildLock.acquire(target.lockFile(), () -> progress.note("waiting for another build of " + target.dir()))) {
                Optional<DumpIndex> built = tryOpenQuietly(dump, target.dir(), identity, options);
                if (built.isPresent()) return built.get();
                Commit.removeLeftovers(target.dir());
                Path work = Commit.tempSibling(target.dir());
                Files.createDirectories(work);
                try {
                    build(dump, identity, work, options, progress);
                    IndexDirectory check = IndexDirectory.open(work, identity.digest());
                    check.close();
                    Commit.commitDirectory(work, target.dir());
                } catch (IOException | RuntimeException | Error e) {
                    deleteQuietly(work);
                    throw e;
                }
                return opened(dump, target.dir(), identity, false);
            }
        } catch (IOException | RuntimeException | Error e) {
            dump.close();
            throw e;
        }
    }

    /** Opens an existing valid index of the dump, if there is one; never builds. */
    public static Optional<DumpIndex> openExisting(Path dumpPath, IndexOptions options) throws IOException, DumpFormatException {
        HprofFile dump = HprofFile.open(dumpPath);
        try {
            DumpIdentity identity = DumpIdentity.of(dumpPath, dump.header().version(), dump.header().idSize(), dump.header().timestampMillis());
            for (IndexLocator.Location c : IndexLocator.of(options.indexDir(), options.environment()).candidates(dumpPath)) {
                Optional<DumpIndex> found = tryOpenQuietly(dump, c.dir(), identity, options);
                if (found.isPresent()) return found;
            }
        } catch (IOException | RuntimeException e) {
            dump.close();
            throw e;
        }
        dump.close();
        return Optional.empty();
    }

    private static DumpIndex buildTemporary(HprofFile dump, DumpIdentity identity, IndexOptions options,
                                            List<IndexLocator.Location> candidates, BuildProgress progress) throws IOException {
        IndexLocator.Location target = candidates.stream().filter(IndexLocator::writable).findFirst()
                .orElseThrow(() -> IndexLocator.of(options.indexDir(), options.environment()).nowhereToWrite(dump.path(), candidates));
        Path work = Commit.tempSibling(target.dir());
        Files.createDirectories(work);
        try {
            build(dump, identity, work, options, progress);
            return opened(dump, work, identity, true);
        } catch (IOException | RuntimeException | Error e) {
            deleteQuietly(work);
            throw e;
        }
    }

    private static Optional<DumpIndex> tryOpen(HprofFile dump, Path dir, DumpIdentity identity, IndexOptions options, BuildProgress progress) {
        if (!Files.exists(dir.resolve(Manifest.FILE)) && !Files.exists(dir)) return Optional.empty();
        try {
            String stale = staleness(dir, identity, options);
            if (stale != null) {
                progress.note("index at " + dir + " is stale (" + stale + "); rebuilding");
                return Optional.empty();
            }
            return Optional.of(opened(dump, dir, identity, false));
        } catch (IOException | RuntimeException e) {
            progress.note("index at " + dir + " is not usable (" + e.getMessage() + "); rebuilding");
            return Optional.empty();
        }
    }

    /**
     * Builds into {@code work}. A compressed dump is first decompressed into the index directory
     * ({@link IndexFiles#SOURCE_COPY}): the index reads objects by position.
     */
    private static void build(HprofFile dump, DumpIdentity identity, Path work, IndexOptions options, BuildProgress progress) throws IOException {
        if (dump.isRandomAccess()) {
            new IndexBuilder(dump, identity, work, options.sizeOverrides(), options.threads(), options.dumpNumber(), progress).build();
            return;
        }
        progress.plan(List.of("decompress"));
        progress.phase("decompress", dump.fileSize());
        Path copy = work.resolve(IndexFiles.SOURCE_COPY);
        decompress(dump.path(), copy, progress);
        try (HprofFile plain = openCopy(copy)) {
            new IndexBuilder(plain, identity, work, options.sizeOverrides(), options.threads(), options.dumpNumber(), progress).build();
        }
    }

    /** Decompresses {@code gz} into {@code copy}; progress in compressed bytes read. */
    private static void decompress(Path gz, Path copy, BuildProgress progress) throws IOException {
        byte[] buffer = new byte[1 << 20];
        java.io.InputStream compressed = new java.io.FilterInputStream(Files.newInputStream(gz)) {
            private long read;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0 && (read += n) >>> 23 != (read - n) >>> 23) progress.advance(read); // every 8 MiB
                return n;
            }
        };
        try (java.io.InputStream in = new java.util.zip.GZIPInputStream(compressed, 1 << 16);
             java.io.OutputStream out = Files.newOutputStream(copy, java.nio.file.StandardOpenOption.CREATE_NEW)) {
            // GZIPInputStream reads concatenated members: HotSpot's chunked -gz output too
            for (int n; (n = in.read(buffer)) > 0; ) out.write(buffer, 0, n);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new IOException(gz + ": the gzip data is damaged or cut short (" + e.getMessage() + "); cannot index it", e);
        }
    }

    private static HprofFile openCopy(Path copy) throws IOException {
        try {
            return HprofFile.open(copy);
        } catch (DumpFormatException e) {
            throw new IndexCorruptException(copy, 0, "the decompressed dump is unreadable: " + e.getMessage());
        }
    }

    /** Opens an index directory's files and readers; nothing stays mapped if that fails. */
    private static DumpIndex opened(HprofFile dump, Path dir, DumpIdentity identity, boolean deleteOnClose) throws IOException {
        IndexDirectory d = IndexDirectory.open(dir, identity.digest());
        HprofFile indexed = null;
        try {
            indexed = dump.isRandomAccess() ? dump : openCopy(dir.resolve(IndexFiles.SOURCE_COPY));
            IndexManifest manifest = IndexManifest.readFrom(d.manifest(), dir.resolve(Manifest.FILE));
            if (indexed.fileSize() != manifest.indexedBytes()) {
                throw new IndexCorruptException(indexed.path(), indexed.fileSize(), "the indexed dump is " + indexed.fileSize()
                        + " bytes; the index was built from " + manifest.indexedBytes());
            }
            DumpIndex index = new DumpIndex(indexed, d, manifest, deleteOnClose ? () -> deleteQuietly(dir) : () -> {});
            if (indexed != dump) dump.close(); // the compressed file is not read again
            return index;
        } catch (IOException | RuntimeException e) {
            if (indexed != null && indexed != dump) indexed.close();
            d.close();
            throw e;
        }
    }

    private static Optional<DumpIndex> tryOpenQuietly(HprofFile dump, Path dir, DumpIdentity identity, IndexOptions options) {
        return tryOpen(dump, dir, identity, options, BuildProgress.SILENT);
    }

    /** Why an index directory does not belong to this dump (or these options), or null when it does. */
    private static String staleness(Path dir, DumpIdentity identity, IndexOptions options) throws IOException {
        Path mp = dir.resolve(Manifest.FILE);
        IndexManifest m;
        try (Arena arena = Arena.ofConfined(); FileChannel ch = FileChannel.open(mp, StandardOpenOption.READ)) {
            m = IndexManifest.readFrom(Manifest.read(ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size(), arena), mp, null), mp);
        }
        if (!m.dump().equals(identity)) return "the dump changed: " + identity.differenceFrom(m.dump());
        if (m.read().dumpNumber() != options.dumpNumber()) return "it indexes heap dump " + m.read().dumpNumber() + " of the file";
        SizeModelOverrides wanted = options.sizeOverrides();
        SizeModel built = m.sizeModel();
        if (wanted.objectHeaderBytes() != null && built.objectHeaderBytes() != wanted.objectHeaderBytes()
                || wanted.referenceBytes() != null && built.referenceBytes() != wanted.referenceBytes()
                || wanted.objectAlignment() != null && built.objectAlignment() != wanted.objectAlignment()) {
            return "built with another size model than " + wanted.describe();
        }
        return null;
    }

    static void deleteQuietly(Path dir) {
        try {
            Commit.deleteTree(dir);
        } catch (IOException ignored) {
            // a leftover temporary directory is removed by the next build
        }
    }
}
