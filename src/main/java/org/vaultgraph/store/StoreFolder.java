package org.vaultgraph.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.dboe.base.file.ProcessFileLock;

/**
 * The folder of a store on disk: TDB2's database, the stamp that says which mapping wrote the store
 * and that its load finished, and the sync index. The stamp is written last, after a load has
 * finished and its index is on disk; a folder without the right stamp holds nothing to keep.
 */
final class StoreFolder {
    /** Where a store on disk records which mapping wrote it. */
    static final String STAMP_FILE = "vaultgraph-store.properties";

    private final Path directory;

    StoreFolder(Path directory) {
        this.directory = directory;
    }

    Path directory() {
        return directory;
    }

    /** Whether a finished load with this stamp is in the folder. */
    boolean holds(String stamp) {
        try {
            Path file = directory.resolve(STAMP_FILE);
            return Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(stamp);
        } catch (IOException e) {
            return false;
        }
    }

    /** Why the folder's database cannot be kept, or null when there is no database to throw away. */
    String whyRebuild() {
        if (databaseFolders().isEmpty()) return null;
        return Files.exists(directory.resolve(STAMP_FILE))
                ? "the store was written with another mapping or version of vaultgraph; rebuilding it"
                : "the store's last load did not finish; rebuilding it";
    }

    /**
     * Deletes TDB2's database and the sync index, and nothing else of the folder: a load that did
     * not finish can leave TDB2's indexes out of step with each other, so the files go, not just the
     * quads. The caller has let go of the database in this process ({@link VaultStore#close}).
     */
    void deleteDatabase() {
        ProcessFileLock lock = lock();
        try {
            deleteStamp();
            new SyncIndexFile(directory, "").delete();
            for (Path data : databaseFolders()) deleteTree(data);
        } finally {
            ProcessFileLock.release(lock);
        }
    }

    /**
     * Moves the whole folder aside, next to itself as {@code NAME.broken-<time>}, and says where: a
     * store that cannot be read is kept for a look, never deleted. The caller has let go of it.
     */
    Path moveAside() {
        String time = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
        Path from = directory.toAbsolutePath().normalize();
        Path aside = from.resolveSibling(from.getFileName() + ".broken-" + time);
        for (int n = 2; Files.exists(aside); n++) aside = from.resolveSibling(from.getFileName() + ".broken-" + time + "-" + n);
        try {
            return Files.move(from, aside);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the broken store " + directory + " aside to " + aside + ": " + e.getMessage(), e);
        }
    }

    /** Takes TDB2's own lock on the folder, so that no other program opens the database while it is deleted. */
    private ProcessFileLock lock() {
        Path file = directory.resolve("tdb.lock");
        boolean locked;
        ProcessFileLock lock;
        try {
            if (!Files.exists(file)) Files.createFile(file);
            lock = ProcessFileLock.create(file.toString());
            locked = lock.tryLock();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("the store " + directory + " is in use", e);
        }
        if (!locked) {
            ProcessFileLock.release(lock);
            throw new IllegalStateException("the store " + directory + " is in use by another program");
        }
        return lock;
    }

    /** Says the store holds a finished load with this stamp: written aside, then renamed. */
    void writeStamp(String stamp) {
        try {
            Path tmp = directory.resolve(STAMP_FILE + ".tmp");
            Files.writeString(tmp, stamp, StandardCharsets.UTF_8);
            Files.move(tmp, directory.resolve(STAMP_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write in the store folder " + directory + ": " + e.getMessage(), e);
        }
    }

    private void deleteStamp() {
        try {
            Files.deleteIfExists(directory.resolve(STAMP_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write in the store folder " + directory + ": " + e.getMessage(), e);
        }
    }

    /** TDB2's storage folders ({@code Data-0001}, and the ones a compaction adds). */
    private List<Path> databaseFolders() {
        try (Stream<Path> children = Files.list(directory)) {
            return children.filter(p -> p.getFileName().toString().matches("Data-\\d+") && Files.isDirectory(p)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the old store " + root + ": " + e.getMessage(), e);
        }
    }
}
