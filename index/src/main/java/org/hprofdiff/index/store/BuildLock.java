package org.hprofdiff.index.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Keeps two builds of one dump's index from racing: an OS file lock on {@code <index>.lock}
 * (released by the OS when the holder dies, so kill -9 never leaves it stuck) plus an in-process lock
 * (the OS lock cannot be taken twice by one JVM). The second builder waits, then finds the first's
 * committed index and reuses it.
 */
public final class BuildLock implements AutoCloseable {
    private static final ConcurrentHashMap<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();

    private final Semaphore local;
    private final FileChannel channel;
    private final FileLock lock;

    private BuildLock(Semaphore local, FileChannel channel, FileLock lock) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
    }

    /** Blocks until the lock is held; {@code onWait} runs once if another holder makes us wait. */
    public static BuildLock acquire(Path lockFile, Runnable onWait) throws IOException {
        Path key = lockFile.toAbsolutePath().normalize();
        Semaphore local = IN_PROCESS.computeIfAbsent(key, k -> new Semaphore(1));
        boolean waited = false;
        if (!local.tryAcquire()) {
            onWait.run();
            waited = true;
            local.acquireUninterruptibly();
        }
        FileChannel ch = null;
        try {
            ch = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l = ch.tryLock();
            if (l == null) {
                if (!waited) onWait.run();
                l = ch.lock();
            }
            return new BuildLock(local, ch, l);
        } catch (IOException | RuntimeException e) {
            if (ch != null) ch.close();
            local.release();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            local.release();
        }
    }
}
