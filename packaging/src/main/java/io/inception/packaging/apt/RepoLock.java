package io.inception.packaging.apt;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serializes changes to one repository: a lock per folder inside this JVM (threads) and a file lock
 * on {@code .lock} across processes (two {@code inception} commands). Readers take no lock.
 */
final class RepoLock {
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();

    private RepoLock() {
    }

    /** Work done while holding the lock. */
    interface Work<T> {
        T run() throws Exception;
    }

    static <T> T withLock(Path root, Work<T> work) throws Exception {
        Path key = root.toAbsolutePath().normalize();
        ReentrantLock lock = IN_JVM.computeIfAbsent(key, k -> new ReentrantLock());
        lock.lock();
        try (FileChannel ch = FileChannel.open(key.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = lockFile(ch)) {
            return work.run();
        } finally {
            lock.unlock();
        }
    }

    private static FileLock lockFile(FileChannel ch) throws IOException {
        return ch.lock();
    }
}
