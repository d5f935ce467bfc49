package org.vaultgraph.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.vaultgraph.rdf.NoteClassifier;
import org.vaultgraph.rdf.VG;
import org.vaultgraph.rdf.VaultMapper;
import org.vaultgraph.vault.Attachment;
import org.vaultgraph.vault.FileStamp;
import org.vaultgraph.vault.LinkResolver;
import org.vaultgraph.vault.Note;
import org.vaultgraph.vault.Problem;
import org.vaultgraph.vault.VaultReader;

/**
 * Keeps a store equal to the vault's files: each sync lists the vault, re-reads only the files whose
 * size or modification time changed (and tells an edit from a touch by the content's digest), and
 * re-maps the notes whose links come to mean something else because a note appeared, disappeared
 * or changed its class. One sync is one write transaction, so a query sees every note whole, old or
 * new. After any sequence of changes, the store is what a fresh conversion of the vault gives.
 *
 * <pre>{@code
 * VaultSync sync = VaultSync.open(store, reader, mapper, Path.of("data/vault"));
 * VaultSync.Report report = sync.sync(); // after files changed
 * }</pre>
 *
 * Not thread-safe: one thread syncs (the watcher's), any number query the store.
 */
public final class VaultSync {
    /** Notes read per batch when many change at once: memory holds one batch of parsed notes. */
    private static final int BATCH = 512;

    private final VaultStore store;
    private final VaultReader reader;
    private final VaultMapper mapper;
    private final NoteClassifier classifier;
    private final Path root;
    private SyncIndex index;
    private LinkResolver resolver;
    private volatile Instant lastChange = Instant.now();
    /** Notes whose class changed between the two reads of one sync: their dependents are checked at the next. */
    private final Set<String> pendingNames = new HashSet<>();

    private VaultSync(VaultStore store, VaultReader reader, VaultMapper mapper, Path root, SyncIndex index) {
        this.store = store;
        this.reader = reader;
        this.mapper = mapper;
        this.classifier = new NoteClassifier(mapper.mapping());
        this.root = root;
        this.index = index;
        this.resolver = LinkResolver.of(index.entries().keySet());
        index.signAll(resolver);
    }

    /** Reads what the store holds (nothing, for a new store); call {@link #sync()} to bring it up to date. */
    public static VaultSync open(VaultStore store, VaultReader reader, VaultMapper mapper, Path root) {
        return new VaultSync(store, reader, mapper, root, SyncIndex.fromStore(store.dataset(), mapper.mapping()));
    }

    /**
     * What one sync did.
     *
     * @param added     notes and files that appeared
     * @param changed   notes and files re-read because they changed
     * @param removed   notes and files that disappeared
     * @param relinked  unchanged notes re-mapped because their links came to name something else
     * @param unchanged files whose size and time, or content, were the same
     */
    public record Report(int added, int changed, int removed, int relinked, int unchanged, List<Problem> problems, long millis) {
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
        return (int) index.entries().values().stream().filter(SyncIndex.Entry::note).count();
    }

    /** Lists the whole vault and applies every difference from the store. */
    public Report sync() {
        return sync(n -> { });
    }

    /** @param progress told how many notes have been written so far, every thousand */
    public Report sync(Consumer<Integer> progress) {
        return sync(reader.list(root), path -> true, progress);
    }

    /**
     * Applies the changes of some paths only (files, or folders and everything under them), as a
     * watcher reports them: a vault of any size is not listed again for one edit.
     *
     * @param changed paths inside the vault folder, absolute or relative to it
     */
    public Report sync(java.util.Collection<Path> changed) {
        Path absoluteRoot = root.toAbsolutePath().normalize();
        Set<String> relative = new TreeSet<>();
        for (Path path : changed) {
            Path p = path.isAbsolute() ? path.normalize() : absoluteRoot.resolve(path).normalize();
            if (p.equals(absoluteRoot)) return sync();
            if (p.startsWith(absoluteRoot)) relative.add(absoluteRoot.relativize(p).toString().replace('\\', '/'));
        }
        if (relative.isEmpty()) return new Report(0, 0, 0, 0, 0, List.of(), 0);
        java.util.function.Predicate<String> inScope = path -> relative.stream().anyMatch(r -> path.equals(r) || path.startsWith(r + "/"));
        return sync(reader.listSome(root, relative), inScope, n -> { });
    }

    /** One sync over a listing that covers the paths {@code inScope} accepts (every path, for a full listing). */
    private Report sync(VaultReader.VaultFiles files, java.util.function.Predicate<String> inScope, Consumer<Integer> progress) {
        long start = System.nanoTime();
        List<Problem> problems = new ArrayList<>(files.problems());

        // What the file system says now, against what the store recorded.
        Set<String> toRead = new LinkedHashSet<>();
        Map<String, Attachment> attachmentsNow = new HashMap<>();
        files.attachments().forEach(a -> attachmentsNow.put(a.path(), a));
        Set<String> added = new HashSet<>();
        Set<String> changed = new HashSet<>();
        int unchanged = 0;
        for (String path : files.notePaths()) {
            SyncIndex.Entry old = index.get(path);
            FileStamp stamp = files.noteStamps().get(path);
            if (old == null) added.add(path);
            else if (!sameStamp(old, stamp)) changed.add(path);
            else {
                unchanged++;
                continue;
            }
            toRead.add(path);
        }
        Map<String, Attachment> attachmentChanges = new HashMap<>();
        for (Attachment a : files.attachments()) {
            SyncIndex.Entry old = index.get(a.path());
            if (old == null) added.add(a.path());
            else if (old.note() || !sameStamp(old, a.file())) changed.add(a.path());
            else {
                unchanged++;
                continue;
            }
            attachmentChanges.put(a.path(), a);
        }
        Set<String> removed = new HashSet<>();
        Set<String> present = new HashSet<>(files.notePaths());
        present.addAll(attachmentsNow.keySet());
        for (String path : index.entries().keySet()) if (!present.contains(path) && inScope.test(path)) removed.add(path);

        // Read what changed: the notes, and the classes and link texts other notes depend on.
        Map<String, Note> readNotes = new HashMap<>();
        boolean keepNotes = toRead.size() <= BATCH;
        Map<String, SyncIndex.Entry> newEntries = new HashMap<>();
        Set<String> unchangedContent = new HashSet<>();
        reader.forEachNote(subset(files, toRead), BATCH, read -> {
            problems.addAll(read.problems());
            if (read.note() != null) {
                Note note = read.note();
                SyncIndex.Entry old = index.get(read.path());
                if (old != null && old.note() && old.sha256().equals(note.file().sha256())) unchangedContent.add(read.path());
                newEntries.put(read.path(), entryOf(note));
                if (keepNotes) readNotes.put(read.path(), note);
            } else if (read.attachment().isPresent()) {
                attachmentChanges.put(read.path(), read.attachment().get());
            } else {
                // Gone between the listing and the read.
                added.remove(read.path());
                changed.remove(read.path());
                if (index.get(read.path()) != null) removed.add(read.path());
            }
        });
        for (Attachment a : attachmentChanges.values()) {
            newEntries.put(a.path(), new SyncIndex.Entry(a.path(), false, a.file().size(),
                    VaultMapper.fileTime(a.file().modified()), "", Set.of(), Set.of(), ""));
        }

        // Which unchanged notes now link to something else: only those naming an added, removed or reclassified file.
        Set<String> touchedNames = new HashSet<>(pendingNames);
        pendingNames.clear();
        touchedNames.addAll(added);
        touchedNames.addAll(removed);
        for (Map.Entry<String, SyncIndex.Entry> e : newEntries.entrySet()) {
            SyncIndex.Entry old = index.get(e.getKey());
            if (old == null || old.note() != e.getValue().note() || !old.classes().equals(e.getValue().classes())) touchedNames.add(e.getKey());
        }
        // Whether each path was a note or a file before, to remove the right graph.
        Map<String, Boolean> wasNote = new HashMap<>();
        for (String path : removed) wasNote.put(path, index.get(path).note());
        for (String path : newEntries.keySet()) {
            SyncIndex.Entry old = index.get(path);
            if (old != null) wasNote.put(path, old.note());
        }
        for (String path : removed) index.remove(path);
        for (SyncIndex.Entry e : newEntries.values()) index.put(e);
        LinkResolver newResolver = touchedNames.isEmpty() ? resolver : LinkResolver.of(index.entries().keySet());
        Set<String> relink = new TreeSet<>();
        for (String name : touchedNames) {
            for (String dependent : index.dependentsOf(name)) {
                if (newEntries.containsKey(dependent) || removed.contains(dependent)) continue;
                SyncIndex.Entry e = index.get(dependent);
                if (e == null || !e.note()) continue;
                String now = SyncIndex.signature(e.targets(), e.path(), e.classes().contains(VG.Insight.getURI()), newResolver, index.entries());
                if (!now.equals(e.signature())) relink.add(dependent);
            }
        }
        resolver = newResolver;

        int writtenNotes = newEntries.size() + relink.size();
        if (removed.isEmpty() && writtenNotes == 0) {
            return new Report(0, 0, 0, 0, unchanged, List.copyOf(problems), (System.nanoTime() - start) / 1_000_000);
        }
        VaultMapper.VaultContext context = VaultMapper.context(index.classesByNote(), index.attachmentPaths());
        Set<String> toMap = new TreeSet<>(relink);
        newEntries.forEach((path, entry) -> {
            if (entry.note()) toMap.add(path);
        });
        DatasetGraph dataset = store.dataset();
        List<Problem> mappingProblems = new ArrayList<>();
        try {
            Txn.executeWrite(dataset, () -> write(files, removed, wasNote, attachmentChanges, toMap, readNotes, context, problems,
                    mappingProblems, progress));
        } catch (RuntimeException e) {
            // The transaction was aborted: the store is as before, and the index must say so again.
            index = SyncIndex.fromStore(dataset, mapper.mapping());
            resolver = LinkResolver.of(index.entries().keySet());
            index.signAll(resolver);
            throw e;
        }
        problems.addAll(mappingProblems);
        lastChange = Instant.now();
        if (!pendingNames.isEmpty()) problems.addAll(sync(pendingNames.stream().map(Path::of).toList()).problems());
        int changedCount = (int) changed.stream().filter(p -> !unchangedContent.contains(p)).count();
        return new Report(added.size(), changedCount, removed.size(), relink.size(),
                unchanged + unchangedContent.size(), List.copyOf(problems), (System.nanoTime() - start) / 1_000_000);
    }

    /** The writes of one sync, inside its transaction. */
    private void write(VaultReader.VaultFiles files, Set<String> removed, Map<String, Boolean> wasNote,
                       Map<String, Attachment> attachmentChanges, Set<String> toMap, Map<String, Note> readNotes,
                       VaultMapper.VaultContext context, List<Problem> problems, List<Problem> mappingProblems,
                       Consumer<Integer> progress) {
        DatasetGraph dataset = store.dataset();
        for (String path : removed) dataset.removeGraph(graphOf(path, wasNote.get(path)));
        for (Attachment a : attachmentChanges.values()) {
            if (Boolean.TRUE.equals(wasNote.get(a.path()))) dataset.removeGraph(graphOf(a.path(), true));
            dataset.removeGraph(graphOf(a.path(), false));
            mapper.mapAttachment(a, StreamRDFLib.dataset(dataset), mappingProblems);
        }
        StreamRDF sink = StreamRDFLib.dataset(dataset);
        int[] written = {0};
        Consumer<Note> write = note -> {
            if (Boolean.FALSE.equals(wasNote.get(note.path()))) dataset.removeGraph(graphOf(note.path(), false));
            dataset.removeGraph(graphOf(note.path(), true));
            mapper.mapNote(note, context, sink, mappingProblems);
            // Record the stamp of the bytes just mapped and what their links resolve to now.
            SyncIndex.Entry before = index.get(note.path());
            SyncIndex.Entry now = signed(entryOf(note));
            // Edited again since the first read: notes that link to it are checked once more.
            if (before != null && !before.classes().equals(now.classes())) pendingNames.add(note.path());
            index.put(now);
            if (++written[0] % 1000 == 0) progress.accept(written[0]);
        };
        List<String> reread = new ArrayList<>();
        for (String path : toMap) {
            Note kept = readNotes.get(path);
            if (kept != null) write.accept(kept);
            else reread.add(path);
        }
        reader.forEachNote(subset(files, reread), BATCH, read -> {
            if (read.note() != null) write.accept(read.note());
            else {
                // Gone since it was listed: the next sync sees it removed.
                problems.addAll(read.problems());
                dataset.removeGraph(graphOf(read.path(), true));
                index.remove(read.path());
            }
        });
    }

    private static boolean sameStamp(SyncIndex.Entry entry, FileStamp stamp) {
        return entry.size() == stamp.size() && entry.modified().equals(VaultMapper.fileTime(stamp.modified()));
    }

    private SyncIndex.Entry entryOf(Note note) {
        Set<String> classes = new HashSet<>(classifier.classesOf(note));
        if (classes.stream().anyMatch(SyncIndex.CONCEPT_CLASSES::contains)) classes.add(VG.Concept.getURI());
        classes.remove(VG.Note.getURI());
        return new SyncIndex.Entry(note.path(), true, note.file().size(), VaultMapper.fileTime(note.file().modified()),
                note.file().sha256(), Set.copyOf(classes), mapper.linkTargets(note), "");
    }

    private SyncIndex.Entry signed(SyncIndex.Entry e) {
        return new SyncIndex.Entry(e.path(), e.note(), e.size(), e.modified(), e.sha256(), e.classes(), e.targets(),
                SyncIndex.signature(e.targets(), e.path(), e.classes().contains(VG.Insight.getURI()), resolver, index.entries()));
    }

    private Node graphOf(String path, boolean note) {
        return NodeFactory.createURI(note ? mapper.iris().note(path) : mapper.iris().attachment(path));
    }

    private static VaultReader.VaultFiles subset(VaultReader.VaultFiles files, java.util.Collection<String> paths) {
        return new VaultReader.VaultFiles(files.root(), List.copyOf(new TreeSet<>(paths)), files.noteStamps(), List.of(), List.of());
    }

    /** The context notes are mapped in: the index's view of the vault. */
    Optional<SyncIndex.Entry> entry(String path) {
        return Optional.ofNullable(index.get(path));
    }
}
