package org.hprofdiff.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hprofdiff.core.read.DirectSpans;
import org.hprofdiff.core.read.HprofFile;
import org.hprofdiff.core.size.SizeModelOverrides;
import org.hprofdiff.index.build.IndexBuilder;
import org.hprofdiff.index.store.DumpIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A dump read into memory with O_DIRECT (what the build does for a dump too big for the page cache) gives the same
 * index, byte for byte, as one read through the mapping: on every kind of dump the index reads (see {@link DumpCases})
 * and a truncated one, on two threads. Skipped where the file system has no O_DIRECT.
 */
class DirectReadBuildTest {
    @TempDir Path dir;

    static Stream<Arguments> dumps() throws Exception {
        return DumpCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dumps")
    void sameIndexWithAndWithoutThePageCache(DumpCases c) throws Exception {
        assertSameIndexes(c.dump(), c.dumpNumber());
    }

    @Test
    void truncatedDump() throws Exception {
        Path whole = SyntheticDumps.largeGenerated();
        Path cut = dir.resolve("cut.hprof");
        try (var in = Files.newInputStream(whole); var out = Files.newOutputStream(cut)) {
            out.write(in.readNBytes((int) (Files.size(whole) * 3 / 5)));
        }
        assertSameIndexes(cut, 1);
    }

    private void assertSameIndexes(Path dump, int dumpNumber) throws Exception {
        assumeTrue(DirectSpans.possible(dump), "no O_DIRECT for " + dump);
        try (HprofFile f = HprofFile.open(dump)) {
            assumeTrue(f.isRandomAccess(), "the index reads a decompressed copy of " + dump);
            Map<String, String> mapped = build(f, dumpNumber, false);
            Map<String, String> direct = build(f, dumpNumber, true);
            assertTrue(mapped.keySet().stream().anyMatch(k -> k.startsWith("file ")), "files of " + dump);
            assertEquals(List.of(), IndexContents.differences(mapped, direct), dump + ": read without the page cache");
        }
    }

    private Map<String, String> build(HprofFile f, int dumpNumber, boolean direct) throws Exception {
        Path work = Files.createDirectories(dir.resolve(f.path().getFileName() + "-" + dumpNumber + "-" + direct));
        DumpIdentity identity = DumpIdentity.of(f.path(), f.header().version(), f.header().idSize(), f.header().timestampMillis());
        new IndexBuilder(f, identity, work, SizeModelOverrides.NONE, 2, dumpNumber, BuildProgress.SILENT).bypassPageCache(direct).build();
        return IndexContents.of(work);
    }
}
