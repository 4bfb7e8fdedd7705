package org.hprofdiff.index.graph.offheap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.hprofdiff.index.graph.Workers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A section filled in memory and written to its file through the channel lands at its place in the file,
 * byte for byte, whatever the threads and however many write calls it takes; the bytes around it stay as written
 * through the mapping. Checked by reading the file back from the disk, not through the mapping.
 */
class StagedSectionTest {
    @TempDir
    Path dir;

    @Test
    void aSectionFilledInMemoryLandsAtItsPlaceInTheFile() throws Exception {
        // 150 MB at an odd offset: with two threads each writes its 75 MB in two calls (64 MB at most each)
        long before = 4097;
        long length = 150L * 1000 * 1000 + 3;
        long after = 11;
        byte[] expected = new byte[Math.toIntExact(before + length + after)];
        new SplittableRandom(7).nextBytes(expected);
        Path path = dir.resolve("out");
        try (Arena arena = Arena.ofShared(); Scratch scratch = Scratch.inMemory(); Workers workers = new Workers(2);
             OutputFile file = OutputFile.create(path, expected.length, arena)) {
            MemorySegment mapping = file.mapping();
            MemorySegment.copy(expected, 0, mapping, ValueLayout.JAVA_BYTE, 0, Math.toIntExact(before));
            MemorySegment.copy(expected, Math.toIntExact(before + length), mapping, ValueLayout.JAVA_BYTE, before + length, Math.toIntExact(after));
            try (StagedSection staged = StagedSection.of(file, mapping.asSlice(before, length), scratch)) {
                assertTrue(staged.segment().address() != mapping.address() + before, "filled in memory");
                MemorySegment.copy(expected, Math.toIntExact(before), staged.segment(), ValueLayout.JAVA_BYTE, 0, Math.toIntExact(length));
                staged.copyToFile(workers);
            }
            file.force();
        }
        assertArrayEquals(expected, Files.readAllBytes(path));
    }

    @Test
    void withoutRoomTheSectionIsFilledInTheFileItself() throws Exception {
        Path path = dir.resolve("direct");
        try (Arena arena = Arena.ofShared(); Scratch files = Scratch.inDirectory(Files.createDirectories(dir.resolve("scratch")));
             Workers workers = new Workers(2); OutputFile file = OutputFile.create(path, 10_000, arena)) {
            MemorySegment section = file.mapping().asSlice(100, 9_000);
            try (StagedSection staged = StagedSection.of(file, section, files)) {
                assertEquals(section.address(), staged.segment().address(), "no memory to spare: the mapping itself");
                staged.segment().fill((byte) 5);
                staged.copyToFile(workers);
            }
            file.force();
        }
        byte[] read = Files.readAllBytes(path);
        for (int i = 0; i < read.length; i++) assertEquals(i >= 100 && i < 9_100 ? 5 : 0, read[i], "byte " + i);
    }

    @Test
    void aSectionOfAnotherMappingIsRefused() throws Exception {
        try (Arena arena = Arena.ofShared(); Scratch scratch = Scratch.inMemory();
             OutputFile file = OutputFile.create(dir.resolve("a"), 100, arena); OutputFile other = OutputFile.create(dir.resolve("b"), 100, arena)) {
            assertThrows(IllegalArgumentException.class, () -> StagedSection.of(file, other.mapping().asSlice(10, 20), scratch));
        }
    }
}
