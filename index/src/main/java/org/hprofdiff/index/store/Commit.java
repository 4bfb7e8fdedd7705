package org.hprofdiff.index.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Makes a fully written index visible in one step. The index is built in a sibling directory with a
 * temporary name; committing fsyncs it, then renames it to the final name (moving an older index
 * aside first and deleting it after). A crash at any point leaves either the old index, no index, or
 * the new one — never a partial directory under the final name — and leftovers carry names that
 * {@link #removeLeftovers} recognises.
 */
public final class Commit {
    private Commit() {}

    static final String TEMP_MARK = ".tmp-";
    static final String OLD_MARK = ".old-";

    /** A fresh temporary directory name beside {@code target}. */
    public static Path tempSibling(Path target) {
        return target.resolveSibling(target.getFileName() + TEMP_MARK + ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime()));
    }

    public static void commitDirectory(Path built, Path target) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(built)) {
            for (Path f : files) fsync(f);
        }
        fsync(built);
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling(target.getFileName() + OLD_MARK + Long.toHexString(System.nanoTime()));
            move(target, old);
        }
        move(built, target);
        fsync(target.getParent());
        if (old != null) deleteTree(old);
    }

    /** Replaces {@code target} by the complete, fsynced file {@code written} (derived files). */
    public static void publish(Path written, Path target) throws IOException {
        fsync(written);
        move(written, target);
        fsync(target.getParent());
    }

    /** Deletes what crashed builds left beside {@code target}; call only while holding the build lock. */
    public static void removeLeftovers(Path target) throws IOException {
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) return;
        String name = target.getFileName().toString();
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent, p -> {
            String n = p.getFileName().toString();
            return n.startsWith(name + TEMP_MARK) || n.startsWith(name + OLD_MARK);
        })) {
            for (Path p : siblings) deleteTree(p);
        }
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void fsync(Path p) throws IOException {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            if (!Files.isDirectory(p)) throw e; // some file systems refuse to fsync directories; the rename is still atomic
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException(to.getParent() + ": the file system cannot rename atomically; choose another --index-dir", e);
        }
    }
}
