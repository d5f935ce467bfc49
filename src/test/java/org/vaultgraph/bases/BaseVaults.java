package org.vaultgraph.bases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.vaultgraph.bases.graph.GraphFiles;
import org.vaultgraph.dql.value.DvClock;
import org.vaultgraph.query.SparqlService;
import org.vaultgraph.store.VaultLoader;
import org.vaultgraph.store.VaultStore;

/** Test vaults for bases: copied from the test resources, loaded the way the commands load them, run at a fixed time in UTC. */
final class BaseVaults {
    /** The time every test base runs at: Tuesday 27 May 2025, noon UTC. */
    static final Instant NOW = Instant.parse("2025-05-27T12:00:00Z");
    /** The modification time the copies' files get: two days and four hours before {@link #NOW}. */
    static final Instant MODIFIED = Instant.parse("2025-05-25T08:00:00Z");

    private BaseVaults() {}

    record Loaded(VaultLoader.LoadedVault vault, GraphFiles files, BaseEngine engine, DvClock clock) implements AutoCloseable {
        SparqlService sparql() {
            return SparqlService.local(vault.store().dataset());
        }

        @Override
        public void close() {
            vault.store().close();
        }
    }

    static DvClock clock() {
        return new DvClock(ZoneOffset.UTC, NOW);
    }

    /** Copies a folder of {@code src/test/resources/bases} into {@code into}, every file modified at {@link #MODIFIED}. */
    static Path copy(String name, Path into) {
        Path from = Path.of("src/test/resources/bases", name);
        Path root = into.resolve(name);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = root.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target);
                    Files.setLastModifiedTime(target, FileTime.from(MODIFIED));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return root;
    }

    static Loaded load(Path root) {
        VaultLoader.LoadedVault vault = VaultLoader.builder().zone(ZoneOffset.UTC).build().load(root, VaultStore.inMemory());
        GraphFiles files = GraphFiles.of(SparqlService.local(vault.store().dataset()), vault.mapper().iris(), ZoneOffset.UTC);
        return new Loaded(vault, files, new BaseEngine(files, BaseVaults::clock), clock());
    }

    static void write(Path root, String path, String text) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> paths(org.vaultgraph.bases.view.ViewResult result) {
        return result.rows().stream().map(r -> r.file().path()).toList();
    }
}
