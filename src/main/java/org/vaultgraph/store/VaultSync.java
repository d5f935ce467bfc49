package org.vaultgraph.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.jena.system.Txn;
import org.vaultgraph.rdf.VaultMapper;
import org.vaultgraph.vault.Problem;
import org.vaultgraph.vault.VaultReader;

/**
 * Keeps a store equal to the vault's files. Each sync lists the vault (or the paths a watcher
 * names), works out a {@link SyncPlan} from the listing and the {@link SyncIndex} (re-reading only
 * the files whose size or time changed, and telling an edit from a touch by the content's digest),
 * then writes the plan in one write transaction ({@link PlanWriter}), so a query sees every note
 * whole, old or new. After any sequence of changes, the store is what a fresh conversion of the
 * vault gives.
 *
 * <p>With a {@link SyncIndexFile}, the index is also kept on disk, in step with the store's commits.
 *
 * <pre>{@code
 * VaultSync sync = VaultSync.open(store, reader, mapper, Path.of("data/vault"));
 * VaultSync.Report report = sync.sync(); // after files changed
 * }</pre>
 *
 * Not thread-safe: one thread syncs (the watcher's), any number query the store.
 */
public final class VaultSync {
    private final VaultStore store;
    private final VaultReader reader;
    private final VaultMapper mapper;
    private final Path root;
    private final NoteEntries noteEntries;
    private final SyncIndexFile indexFile;
    private SyncIndex index;
    private volatile Instant lastChange = Instant.now();
    private volatile int notes;

    VaultSync(VaultStore store, VaultReader reader, VaultMapper mapper, Path root, SyncIndex index, SyncIndexFile indexFile) {
        this.store = store;
        this.reader = reader;
        this.mapper = mapper;
        this.root = root;
        this.noteEntries = new NoteEntries(mapper);
        this.index = index;
        this.indexFile = indexFile;
        this.notes = index.notes();
    }

    /** Reads what the store holds (nothing, for a new store); call {@link #sync()} to bring it up to date. */
    public static VaultSync open(VaultStore store, VaultReader reader, VaultMapper mapper, Path root) {
        return new VaultSync(store, reader, mapper, root, IndexFromStore.read(store.dataset(), mapper.mapping()), null);
    }

    /**
     * What one sync did.
     *
     * @param added     notes and files that appeared
     * @param changed   notes and files re-read because they changed
     * @param removed   notes and files that disappeared
     * @param relinked  unchanged notes re-mapped because their links came to name something else
     * @param unchanged files whose size and time, or content, were the same
     * @param paths     the vault paths of the files written or removed (notes, attachments, relinked notes); empty for a first load
     */
    public record Report(int added, int changed, int removed, int relinked, int unchanged, List<Problem> problems, long millis, Set<String> paths) {
        /** A report that names no paths: a first load, where every file is new. */
        public Report(int added, int changed, int removed, int relinked, int unchanged, List<Problem> problems, long millis) {
            this(added, changed, removed, relinked, unchanged, problems, millis, Set.of());
        }

        public boolean changedAnything() {
            return added + changed + removed + relinked > 0;
        }

        @Override
        public String toString() {
            return added + " added, " + changed + " changed, " + removed + " removed, " + relinked + " relinked, "
                    + unchanged + " unchanged in " + millis + " ms";
        }
    }

    /** When the graph last changed (the open, or the last sync that changed something). */
    public Instant lastChange() {
        return lastChange;
    }

    /** How many notes the store holds. */
    public int notes() {
        return notes;
    }

    /** Lists the whole vault and applies every difference from the store. */
    public Report sync() {
        return sync(n -> { });
    }

    /** @param progress told how many notes have been written so far, every thousand */
    public Report sync(Consumer<Integer> progress) {
        return sync(reader.list(root), path -> true, progress);
    }

    /** Applies every difference from a listing of the whole vault made by the caller. */
    Report sync(VaultReader.VaultFiles wholeVault, Consumer<Integer> progress) {
        return sync(wholeVault, path -> true, progress);
    }

    /**
     * Applies the changes of some paths only (files, or folders and everything under them), as a
     * watcher reports them: a vault of any size is not listed again for one edit.
     *
     * @param changed paths inside the vault folder, absolute or relative to it
     */
    public Report sync(Collection<Path> changed) {
        Path absoluteRoot = root.toAbsolutePath().normalize();
        Set<String> relative = new TreeSet<>();
        for (Path path : changed) {
            Path p = path.isAbsolute() ? path.normalize() : absoluteRoot.resolve(path).normalize();
            if (p.equals(absoluteRoot)) return sync();
            if (p.startsWith(absoluteRoot)) relative.add(absoluteRoot.relativize(p).toString().replace('\\', '/'));
        }
        if (relative.isEmpty()) return new Report(0, 0, 0, 0, 0, List.of(), 0);
        Predicate<String> inScope = path -> relative.stream().anyMatch(r -> path.equals(r) || path.startsWith(r + "/"));
        return sync(reader.listSome(root, relative), inScope, n -> { });
    }

    /** One sync over a listing that covers the paths {@code inScope} accepts (every path, for a full listing). */
    private Report sync(VaultReader.VaultFiles files, Predicate<String> inScope, Consumer<Integer> progress) {
        long start = System.nanoTime();
        FileChanges changes = FileChanges.between(files, index, inScope);
        ChangedNotes read = ChangedNotes.read(reader, files, changes.notesToRead(), index, noteEntries);
        SyncPlan plan = SyncPlan.of(index, changes, read);
        List<Problem> problems = new ArrayList<>(files.problems());
        problems.addAll(plan.problems());
        if (!plan.writesNothing()) {
            problems.addAll(write(plan, progress).problems());
            lastChange = Instant.now();
        }
        return new Report(plan.added(), plan.changed(), plan.removed().size(), plan.relinked().size(), plan.unchanged(),
                List.copyOf(problems), (System.nanoTime() - start) / 1_000_000, plan.paths());
    }

    /** Writes a plan in one transaction; the index on disk says "begun" until the store has committed. */
    private PlanWriter.Written write(SyncPlan plan, Consumer<Integer> progress) {
        PlanWriter writer = new PlanWriter(store.dataset(), mapper, reader, root, noteEntries);
        if (indexFile != null) indexFile.begin();
        PlanWriter.Written written;
        try {
            written = Txn.calculateWrite(store.dataset(), () -> writer.write(plan, index, progress::accept));
        } catch (RuntimeException e) {
            // The transaction was aborted: the store is as before, and the index must say so again.
            if (indexFile != null) indexFile.abort();
            index = reread();
            throw e;
        }
        if (indexFile != null) indexFile.commit(index, written.paths());
        notes = index.notes();
        return written;
    }

    /** The index as the store holds it: from the file when there is one (it was not changed), else from the store. */
    private SyncIndex reread() {
        if (indexFile != null) {
            SyncIndexFile.Loaded loaded = indexFile.read();
            if (loaded.index() != null) return loaded.index();
        }
        return IndexFromStore.read(store.dataset(), mapper.mapping());
    }
}
