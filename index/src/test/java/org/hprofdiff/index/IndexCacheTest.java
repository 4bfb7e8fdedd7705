package org.hprofdiff.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.hprofdiff.index.store.IndexFiles;
import org.hprofdiff.index.store.IndexLocator;
import org.hprofdiff.index.store.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index as a cache: reuse, staleness, damage, location rules, --no-cache, concurrent builds. */
class IndexCacheTest {
    @TempDir
    Path dir;

    /** Records what a build or open did. */
    static final class Recorder implements BuildProgress {
        final List<String> phases = Collections.synchronizedList(new ArrayList<>());
        final List<String> notes = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void phase(String name, long total) { phases.add(name); }

        @Override
        public void note(String line) { notes.add(line); }

        boolean built() { return phases.contains("pass 1"); }
    }

    private Path dump() throws Exception {
        return TestDumps.copy(TestDumps.knownGraph(), dir);
    }

    private static IndexOptions options() {
        return IndexOptions.defaults().withEnvironment(Map.of());
    }

    private static Recorder open(Path dump, IndexOptions options) throws Exception {
        Recorder r = new Recorder();
        try (DumpIndex index = IndexCache.openOrBuild(dump, options, r)) {
            assertEquals(List.of(), index.verify());
        }
        return r;
    }

    @Test
    void secondOpenReusesTheIndexBesideTheDump() throws Exception {
        Path dump = dump();
        assertTrue(open(dump, options()).built());
        assertTrue(Files.isDirectory(dir.resolve(dump.getFileName() + ".hdidx")));
        Recorder second = open(dump, options());
        assertFalse(second.built());
        assertEquals(List.of(), second.notes);
    }

    @Test
    void changedDumpIsDetectedAndRebuiltWithANote() throws Exception {
        Path dump = dump();
        open(dump, options());
        Files.setLastModifiedTime(dump, FileTime.fromMillis(Files.getLastModifiedTime(dump).toMillis() + 5000));
        Recorder r = open(dump, options());
        assertTrue(r.built());
        assertEquals(1, r.notes.size(), r.notes.toString());
        assertTrue(r.notes.getFirst().contains("stale") && r.notes.getFirst().contains("modification time"), r.notes.getFirst());
    }

    @Test
    void changedBytesWithSameSizeAndTimeAreDetected() throws Exception {
        Path dump = dump();
        open(dump, options());
        FileTime mtime = Files.getLastModifiedTime(dump);
        try (RandomAccessFile f = new RandomAccessFile(dump.toFile(), "rw")) {
            f.seek(f.length() - 20);
            int b = f.read();
            f.seek(f.length() - 20);
            f.write(b ^ 0x5A);
        }
        Files.setLastModifiedTime(dump, mtime);
        Recorder r = open(dump, options());
        assertTrue(r.built());
        assertTrue(r.notes.getFirst().contains("last MiB changed"), r.notes.toString());
    }

    @Test
    void truncatedIndexFileIsNotTrustedAndIsRebuilt() throws Exception {
        Path dump = dump();
        open(dump, options());
        Path targets = dir.resolve(dump.getFileName() + ".hdidx").resolve(IndexFiles.OUT_TARGETS);
        try (RandomAccessFile f = new RandomAccessFile(targets.toFile(), "rw")) {
            f.setLength(f.length() - 100);
        }
        Recorder r = open(dump, options());
        assertTrue(r.built());
        assertTrue(r.notes.getFirst().contains("not usable") && r.notes.getFirst().contains(IndexFiles.OUT_TARGETS), r.notes.toString());
    }

    @Test
    void damagedDataIsFoundByVerify() throws Exception {
        Path dump = dump();
        open(dump, options());
        Path sources = dir.resolve(dump.getFileName() + ".hdidx").resolve(IndexFiles.OUT_TARGETS);
        try (RandomAccessFile f = new RandomAccessFile(sources.toFile(), "rw")) {
            f.seek(200);
            int b = f.read();
            f.seek(200);
            f.write(b ^ 1);
        }
        try (DumpIndex index = IndexCache.openOrBuild(dump, options(), BuildProgress.SILENT)) {
            List<String> problems = index.verify();
            assertTrue(problems.stream().anyMatch(p -> p.contains(IndexFiles.OUT_TARGETS) && p.contains("checksum")), problems.toString());
        }
    }

    @Test
    void indexOfAnotherDumpIsNotTaken() throws Exception {
        Path dump = dump();
        Path other = dir.resolve("other");
        Files.createDirectories(other);
        Path otherDump = TestDumps.copy(TestDumps.dumpOf(org.hprofdiff.index.testprograms.BulkGraph.class, List.of()), other);
        open(otherDump, options());
        Files.move(other.resolve(otherDump.getFileName() + ".hdidx"), dir.resolve(dump.getFileName() + ".hdidx"));
        Recorder r = open(dump, options());
        assertTrue(r.built());
        assertTrue(r.notes.getFirst().contains("stale"), r.notes.toString());
    }

    @Test
    void otherFormatVersionIsRebuilt() throws Exception {
        Path dump = dump();
        open(dump, options());
        Path manifest = dir.resolve(dump.getFileName() + ".hdidx").resolve(Manifest.FILE);
        try (RandomAccessFile f = new RandomAccessFile(manifest.toFile(), "rw")) {
            f.seek(4);
            f.write(99); // format version, little-endian
        }
        Recorder r = open(dump, options());
        assertTrue(r.built());
        assertTrue(r.notes.getFirst().contains("format version 99"), r.notes.toString());
    }

    @Test
    void noCacheLeavesNothingBehind() throws Exception {
        Path dump = dump();
        Recorder r = open(dump, options().withNoCache(true));
        assertTrue(r.built());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(dump), files.toList());
        }
        assertTrue(open(dump, options().withNoCache(true)).built(), "nothing was cached");
    }

    @Test
    void indexDirectoryOptionWinsOverTheEnvironment() throws Exception {
        Path dump = dump();
        Path optionDir = dir.resolve("by-option");
        Path envDir = dir.resolve("by-env");
        IndexOptions options = options().withEnvironment(Map.of(IndexLocator.ENV, envDir.toString()));
        open(dump, options.withIndexDir(optionDir));
        try (Stream<Path> files = Files.list(optionDir)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith(dump.getFileName() + ".") && p.toString().endsWith(".hdidx")));
        }
        assertFalse(Files.exists(envDir));
        assertFalse(Files.exists(dir.resolve(dump.getFileName() + ".hdidx")));
        open(dump, options);
        try (Stream<Path> files = Files.list(envDir)) {
            assertTrue(files.anyMatch(p -> p.toString().endsWith(".hdidx")));
        }
    }

    @Test
    void leftoversOfCrashedBuildsAreRemoved() throws Exception {
        Path dump = dump();
        Path tmp = dir.resolve(dump.getFileName() + ".hdidx.tmp-1-dead");
        Path old = dir.resolve(dump.getFileName() + ".hdidx.old-dead");
        Files.createDirectories(tmp);
        Files.writeString(tmp.resolve(IndexFiles.OUT_TARGETS), "half written");
        Files.createDirectories(old);
        open(dump, options());
        assertFalse(Files.exists(tmp));
        assertFalse(Files.exists(old));
    }

    @Test
    void concurrentOpensBuildOnce() throws Exception {
        Path dump = dump();
        int n = 3;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Recorder> recorders = new ArrayList<>();
        List<Future<Long>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Recorder r = new Recorder();
            recorders.add(r);
            results.add(pool.submit(() -> {
                start.await();
                try (DumpIndex index = IndexCache.openOrBuild(dump, options(), r)) {
                    return index.objectCount();
                }
            }));
        }
        start.countDown();
        long objects = results.getFirst().get();
        for (Future<Long> f : results) assertEquals(objects, f.get());
        pool.shutdown();
        assertEquals(1, recorders.stream().filter(Recorder::built).count(), "exactly one build");
    }

    @Test
    void derivedFilesArePublishedAtomicallyAndCheckedOnRead() throws Exception {
        Path dump = dump();
        try (DumpIndex index = IndexCache.openOrBuild(dump, options(), BuildProgress.SILENT)) {
            assertTrue(index.directory().derived("dom.test.v1").isEmpty());
            org.hprofdiff.index.store.MappedWriter w = index.directory().createDerived("dom.test.v1", 8, 8 * index.objectCount());
            for (long o = 0; o < index.objectCount(); o++) w.data().setAtIndex(java.lang.foreign.ValueLayout.JAVA_LONG, o, o * 3);
            assertTrue(index.directory().derived("dom.test.v1").isEmpty(), "not visible before it is published");
            index.directory().publishDerived(w);
        }
        Path derived = dir.resolve(dump.getFileName() + ".hdidx").resolve("dom.test.v1");
        try (DumpIndex index = IndexCache.openOrBuild(dump, options(), BuildProgress.SILENT)) {
            var seg = index.directory().derived("dom.test.v1").orElseThrow();
            assertEquals(3 * 5, seg.get(java.lang.foreign.ValueLayout.JAVA_LONG, org.hprofdiff.index.store.IndexFormat.HEADER_BYTES + 5 * 8));
        }
        try (RandomAccessFile f = new RandomAccessFile(derived.toFile(), "rw")) {
            f.setLength(f.length() - 1); // cut short: as after a crash during a copy
        }
        try (DumpIndex index = IndexCache.openOrBuild(dump, options(), BuildProgress.SILENT)) {
            assertTrue(index.directory().derived("dom.test.v1").isEmpty(), "an incomplete derived file is not used");
        }
    }

    @Test
    void gzipDumpIsIndexedThroughADecompressedCopy() throws Exception {
        Path plain = dump();
        Path gz = dir.resolve("known.hprof.gz");
        try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(plain, out);
        }
        try (DumpIndex a = IndexCache.openOrBuild(plain, options(), BuildProgress.SILENT);
             DumpIndex b = IndexCache.openOrBuild(gz, options(), BuildProgress.SILENT)) {
            assertEquals(List.of(), b.verify());
            assertEquals(a.objectCount(), b.objectCount());
            assertEquals(a.edgeCount(), b.edgeCount());
            for (long o = 0; o < a.objectCount(); o++) {
                assertEquals(a.idOf(o), b.idOf(o));
                assertEquals(a.outbound().degree(o), b.outbound().degree(o));
            }
            assertTrue(Files.exists(dir.resolve(gz.getFileName() + ".hdidx").resolve(org.hprofdiff.index.store.IndexFiles.SOURCE_COPY)));
        }
        Recorder again = open(gz, options());
        assertFalse(again.built(), "the compressed dump's index is reused");
    }

    @Test
    void unreadableDumpFailsWithOneLine() {
        Path missing = dir.resolve("missing.hprof");
        Exception e = assertThrows(Exception.class, () -> IndexCache.openOrBuild(missing, options(), BuildProgress.SILENT));
        assertTrue(e.getMessage().contains("missing.hprof") && !e.getMessage().contains("\n"), e.getMessage());
    }

    static void corrupt(Path file, long at) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(at);
            f.write(f.read() ^ 0xFF);
        }
    }
}
