package org.vaultgraph.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Follows a vault folder and its sub-folders (new ones too) and syncs the store when files change.
 * Changes are gathered until the folder has been quiet for a moment, so a burst (a {@code git pull}
 * of thousands of files, an editor that saves through a temporary file and a rename) is one sync.
 *
 * <pre>{@code
 * VaultWatcher watcher = VaultWatcher.start(root, sync, report -> log.info(report.toString()));
 * watcher.close();
 * }</pre>
 */
public final class VaultWatcher implements AutoCloseable {
    /** How long the folder must be quiet before a sync starts. */
    static final long QUIET_MILLIS = 150;
    /** The longest a burst may delay a sync. */
    static final long MAX_WAIT_MILLIS = 2000;

    private final Path root;
    private final VaultSync sync;
    private final Consumer<VaultSync.Report> onSync;
    private final Consumer<String> onError;
    private final WatchService service;
    private final Map<WatchKey, Path> folders = new HashMap<>();
    private final Thread thread;

    private VaultWatcher(Path root, VaultSync sync, Consumer<VaultSync.Report> onSync, Consumer<String> onError) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.sync = sync;
        this.onSync = onSync;
        this.onError = onError;
        this.service = this.root.getFileSystem().newWatchService();
        register(this.root);
        this.thread = new Thread(this::run, "vaultgraph-watch");
        thread.setDaemon(true);
    }

    /**
     * Starts following {@code root}; {@code onSync} hears of every sync that changed something,
     * {@code onError} of every sync that failed (the next change tries again).
     */
    public static VaultWatcher start(Path root, VaultSync sync, Consumer<VaultSync.Report> onSync, Consumer<String> onError) {
        try {
            VaultWatcher watcher = new VaultWatcher(root, sync, onSync, onError);
            watcher.thread.start();
            return watcher;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot follow " + root + ": " + e.getMessage(), e);
        }
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = service.take();
                long first = System.currentTimeMillis();
                Set<Path> changed = new HashSet<>();
                boolean overflow = handle(key, changed);
                // Gather the rest of the burst.
                while (System.currentTimeMillis() - first < MAX_WAIT_MILLIS) {
                    WatchKey more = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS);
                    if (more == null) break;
                    overflow |= handle(more, changed);
                }
                if (overflow) registerAll();
                try {
                    // Only the paths that changed are looked at, unless events were lost.
                    VaultSync.Report report = overflow ? sync.sync() : sync.sync(changed);
                    if (report.changedAnything()) onSync.accept(report);
                } catch (RuntimeException e) {
                    onError.accept("sync failed: " + e.getMessage());
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // Closed: stop following.
        }
    }

    /** Takes a key's events into {@code changed}; registers new folders; true when events were lost and every folder must be checked. */
    private boolean handle(WatchKey key, Set<Path> changed) {
        Path folder = folders.get(key);
        boolean overflow = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                overflow = true;
                continue;
            }
            if (folder == null) {
                overflow = true;
                continue;
            }
            changed.add(folder.resolve((Path) event.context()));
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
                Path child = folder.resolve((Path) event.context());
                if (Files.isDirectory(child, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !isHidden(child)) register(child);
            }
        }
        if (!key.reset()) folders.remove(key);
        return overflow;
    }

    private void registerAll() {
        register(root);
    }

    /** Registers a folder and every sub-folder, skipping dot-folders as the reader does. */
    private void register(Path start) {
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (!dir.equals(root) && isHidden(dir)) return FileVisitResult.SKIP_SUBTREE;
                    WatchKey key = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                            StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
                    folders.put(key, dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            onError.accept("cannot follow " + start + ": " + e.getMessage());
        }
    }

    private static boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            // Nothing left to follow.
        }
        thread.interrupt();
    }
}
