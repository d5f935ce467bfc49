package org.vaultgraph.store;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultgraph.generate.VaultGenerator;
import org.vaultgraph.rdf.Mapping;
import org.vaultgraph.rdf.VaultMapper;

/**
 * The sync invariant: after any sequence of edits, creations, renames and deletions, the synced
 * store holds exactly what a fresh conversion of the vault gives. Random sequences on generated
 * vaults, each seeded; a failure names its seed and step.
 */
class SyncPropertyTest {
    /** How many random sequences run, and how many edits each (a longer run: -Dsync.sequences=500). */
    private static final int SEQUENCES = Integer.getInteger("sync.sequences", 25);
    private static final int STEPS = Integer.getInteger("sync.steps", 30);
    /** The same on TDB2 on disk, restarts included (slower: each restart opens the database again). */
    private static final int SEQUENCES_ON_DISK = Integer.getInteger("sync.diskSequences", 4);

    @Test
    void aSyncedStoreIsAFreshConversion(@TempDir Path tmp) throws IOException {
        for (int sequence = 0; sequence < SEQUENCES; sequence++) {
            long seed = 1000 + sequence;
            runSequence(tmp.resolve("vault-" + sequence), seed);
        }
    }

    private static void runSequence(Path vault, long seed) throws IOException {
        new VaultGenerator(40, seed).write(vault);
        Editor editor = new Editor(vault, new SplittableRandom(seed));
        editor.stampAll();
        VaultLoader loader = VaultLoader.builder().zone(ZoneOffset.UTC).build();
        Mapping mapping = loader.mappingFor(vault);
        try (VaultStore store = VaultStore.inMemory()) {
            VaultSync sync = VaultSync.open(store, loader.reader(mapping), new VaultMapper(mapping), vault);
            sync.sync();
            check(store, vault, seed, 0, "initial load");
            for (int step = 1; step <= STEPS; step++) {
                String edit = editor.randomEdit();
                if (editor.random.nextInt(3) == 0 || step == STEPS) {
                    // Sometimes as after a restart: the index comes back from what the store holds.
                    if (editor.random.nextInt(4) == 0) sync = VaultSync.open(store, loader.reader(mapping), new VaultMapper(mapping), vault);
                    // Half the time as a watcher does: only the paths that changed are looked at.
                    if (editor.random.nextBoolean()) sync.sync(editor.touched);
                    else sync.sync();
                    editor.touched.clear();
                    check(store, vault, seed, step, edit);
                    // A sync with nothing changed changes nothing.
                    if (sync.sync().changedAnything()) fail("seed " + seed + ", step " + step + ": a second sync found changes");
                }
            }
        }
    }

    /** Random sequences on TDB2, restarting through the index file; some restarts find it stale or gone. */
    @Test
    void aStoreOnDiskIsAFreshConversionAcrossRestarts(@TempDir Path tmp) throws IOException {
        for (int sequence = 0; sequence < SEQUENCES_ON_DISK; sequence++) {
            long seed = 5000 + sequence;
            Path vault = tmp.resolve("vault-" + sequence);
            Path tdb = tmp.resolve("tdb-" + sequence);
            new VaultGenerator(40, seed).write(vault);
            Editor editor = new Editor(vault, new SplittableRandom(seed));
            editor.stampAll();
            VaultLoader loader = VaultLoader.builder().zone(ZoneOffset.UTC).build();
            SyncedStore synced = SyncedStore.onDisk(vault, tdb, loader, line -> { });
            try {
                check(synced.store(), vault, seed, 0, "initial load");
                for (int step = 1; step <= STEPS; step++) {
                    String edit = editor.randomEdit();
                    if (editor.random.nextInt(3) != 0 && step != STEPS) continue;
                    if (editor.random.nextBoolean()) {
                        synced.close();
                        edit += damage(tdb, editor.random);
                        synced = SyncedStore.onDisk(vault, tdb, loader, line -> { });
                    } else if (editor.random.nextBoolean()) {
                        synced.sync().sync(editor.touched);
                    } else {
                        synced.sync().sync();
                    }
                    editor.touched.clear();
                    check(synced.store(), vault, seed, step, edit);
                    if (synced.sync().sync().changedAnything()) fail("seed " + seed + ", step " + step + ": a second sync found changes");
                }
            } finally {
                synced.close();
            }
        }
    }

    /** Sometimes, what a crash or a lost file leaves of the index: a sync begun and never committed, or no file. */
    private static String damage(Path tdb, SplittableRandom random) throws IOException {
        switch (random.nextInt(4)) {
            case 0: {
                SyncIndexFile file = new SyncIndexFile(tdb, Files.readString(tdb.resolve(StoreFolder.STAMP_FILE)));
                file.read();
                file.begin();
                file.close();
                return ", then a restart after a crash between the store's commit and the index's";
            }
            case 1:
                Files.delete(tdb.resolve(SyncIndexFile.NAME));
                return ", then a restart without the index file";
            default:
                return ", then a restart";
        }
    }

    @Test
    void aStoreOnDiskSyncsAfterARestart(@TempDir Path tmp) throws IOException {
        Path vault = tmp.resolve("vault");
        new VaultGenerator(60, 77).write(vault);
        Editor editor = new Editor(vault, new SplittableRandom(77));
        editor.stampAll();
        VaultLoader loader = VaultLoader.builder().zone(ZoneOffset.UTC).build();
        Mapping mapping = loader.mappingFor(vault);
        try (VaultStore store = VaultStore.onDisk(tmp.resolve("tdb"))) {
            VaultSync.open(store, loader.reader(mapping), new VaultMapper(mapping), vault).sync();
        }
        for (int i = 0; i < 10; i++) editor.randomEdit();
        try (VaultStore store = VaultStore.onDisk(tmp.resolve("tdb"))) {
            VaultSync sync = VaultSync.open(store, loader.reader(mapping), new VaultMapper(mapping), vault);
            VaultSync.Report report = sync.sync();
            if (report.unchanged() < 40) fail("a restart re-read unchanged notes: " + report);
            check(store, vault, 77, 10, "restart");
        }
    }

    private static void check(VaultStore store, Path vault, long seed, int step, String lastEdit) {
        StoreAssertions.assertFreshConversion(store.dataset(), vault, "seed " + seed + ", step " + step + " (last edit: " + lastEdit + ")");
    }

    /** Random changes of the kinds a vault sees, each file time moved forward as an editor would. */
    private static final class Editor {
        final Path root;
        final SplittableRandom random;
        long clock = 1_700_000_000_000L;
        final Set<Path> touched = new java.util.HashSet<>();
        int created;

        Editor(Path root, SplittableRandom random) {
            this.root = root;
            this.random = random;
        }

        void stampAll() throws IOException {
            for (Path file : files("")) stamp(file);
        }

        void stamp(Path file) throws IOException {
            touched.add(file);
            clock += 1000 + random.nextInt(5000);
            Files.setLastModifiedTime(file, FileTime.fromMillis(clock));
        }

        List<Path> files(String extension) throws IOException {
            try (Stream<Path> walk = Files.walk(root)) {
                return walk.filter(Files::isRegularFile)
                        .filter(p -> !root.relativize(p).toString().startsWith("."))
                        .filter(p -> p.toString().endsWith(extension))
                        .sorted().toList();
            }
        }

        Path pick(String extension) throws IOException {
            List<Path> files = files(extension);
            return files.isEmpty() ? null : files.get(random.nextInt(files.size()));
        }

        String name(Path note) {
            String file = note.getFileName().toString();
            return file.endsWith(".md") ? file.substring(0, file.length() - 3) : file;
        }

        void write(Path file, String text) throws IOException {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            stamp(file);
        }

        String randomEdit() throws IOException {
            switch (random.nextInt(11)) {
                case 0: {
                    Path note = pick(".md");
                    Path other = pick(".md");
                    if (note == null || other == null) return "nothing";
                    String link = random.nextBoolean() ? name(other) : "Missing " + random.nextInt(3);
                    write(note, Files.readString(note) + "\nSee [[" + link + "]].\n");
                    return "link " + note.getFileName() + " to " + link;
                }
                case 1: {
                    Path note = pick(".md");
                    if (note == null) return "nothing";
                    String text = Files.readString(note);
                    String[] types = {"therapy", "anatomy", "outcome", "other"};
                    String type = types[random.nextInt(types.length)];
                    text = text.contains("type: ") ? text.replaceFirst("type: \\w+", "type: " + type)
                            : text.startsWith("---\n") ? "---\ntype: " + type + "\n" + text.substring(4) : "---\ntype: " + type + "\n---\n" + text;
                    write(note, text);
                    return "retype " + note.getFileName() + " as " + type;
                }
                case 2: {
                    // A note named like an unresolved link, or like an existing note in another folder.
                    String name = random.nextBoolean() ? "Missing " + random.nextInt(3) : name(pick(".md"));
                    String folder = random.nextBoolean() ? "Research/Tags" : "Elsewhere/" + random.nextInt(2);
                    Path file = root.resolve(folder + "/" + name + ".md");
                    if (Files.exists(file)) return "nothing";
                    write(file, "---\ntype: anatomy\n---\nNew note " + (++created) + ".\n");
                    return "create " + root.relativize(file);
                }
                case 3: {
                    Path note = pick(".md");
                    if (note == null) return "nothing";
                    Files.delete(note);
                    touched.add(note);
                    return "delete " + root.relativize(note);
                }
                case 4: {
                    Path note = pick(".md");
                    if (note == null) return "nothing";
                    Path target = random.nextBoolean()
                            ? note.resolveSibling("Renamed " + (++created) + ".md")
                            : root.resolve("Moved/" + note.getFileName());
                    if (Files.exists(target)) return "nothing";
                    Files.createDirectories(target.getParent());
                    Files.move(note, target);
                    touched.add(note);
                    touched.add(target);
                    return "rename " + root.relativize(note) + " to " + root.relativize(target);
                }
                case 5: {
                    Path note = pick("");
                    if (note == null) return "nothing";
                    stamp(note);
                    return "touch " + root.relativize(note);
                }
                case 6: {
                    Path figure = root.resolve("Research/Figures/figure-" + random.nextInt(3) + ".png");
                    if (Files.exists(figure)) {
                        Files.delete(figure);
                        touched.add(figure);
                        return "delete " + root.relativize(figure);
                    }
                    Files.createDirectories(figure.getParent());
                    Files.write(figure, new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) random.nextInt(256)});
                    stamp(figure);
                    Path note = pick(".md");
                    if (note != null) write(note, Files.readString(note) + "\n![[" + figure.getFileName() + "]]\n");
                    return "add figure " + figure.getFileName();
                }
                case 7: {
                    // A markdown file that is binary data: kept as a file, not a note.
                    Path note = pick(".md");
                    if (note == null) return "nothing";
                    Files.write(note, new byte[] {'x', 0, 'y'});
                    stamp(note);
                    return "make binary " + root.relativize(note);
                }
                case 10: {
                    // A base file written, rewritten (well formed or not) or deleted; or a base block in a note.
                    Path base = root.resolve("Research/Bases/view-" + random.nextInt(2) + ".base");
                    if (Files.exists(base) && random.nextInt(3) == 0) {
                        Files.delete(base);
                        touched.add(base);
                        return "delete " + root.relativize(base);
                    }
                    String[] texts = {"filters: 'file.hasTag(\"insight\")'\n", "views:\n  - type: table\n    name: All\n    limit: 3\n",
                        "formulas:\n  a: 'formula.a'\n", "filters: [\n"};
                    String text = texts[random.nextInt(texts.length)];
                    if (random.nextBoolean()) {
                        Path note = pick(".md");
                        if (note == null) return "nothing";
                        write(note, Files.readString(note) + "\n```base\n" + text + "```\n");
                        return "add a base block to " + root.relativize(note);
                    }
                    write(base, text + "# edit " + (++created) + "\n");
                    return "write " + root.relativize(base);
                }
                case 8: {
                    Path note = pick(".md");
                    if (note == null) return "nothing";
                    write(note, "---\nfileClass: Research Links\nsource: \"[[" + name(pick(".md")) + "]]\"\n---\ninsight:: About [["
                            + name(pick(".md")) + "]] and [[" + name(pick(".md")) + "]]\n");
                    return "rewrite " + root.relativize(note) + " as an insight";
                }
                default: {
                    Path note = pick(".md");
                    if (note == null) return "nothing";
                    write(note, Files.readString(note).replace("insight", "Insight") + "\nedited " + (++created) + "\n");
                    return "edit " + root.relativize(note);
                }
            }
        }
    }
}
