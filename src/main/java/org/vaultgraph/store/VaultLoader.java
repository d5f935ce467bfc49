package org.vaultgraph.store;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.vaultgraph.rdf.Mapping;
import org.vaultgraph.rdf.VaultMapper;
import org.vaultgraph.vault.NoteParser;
import org.vaultgraph.vault.Problem;
import org.vaultgraph.vault.Vault;
import org.vaultgraph.vault.VaultReader;

/**
 * Reads a vault, maps it to RDF and loads it into a store: the whole pipeline in one call.
 *
 * <pre>{@code
 * LoadedVault loaded = VaultLoader.builder().build().load(Path.of("data/vault"), VaultStore.inMemory());
 * loaded.store().dataset();
 * loaded.problems();
 * }</pre>
 */
public final class VaultLoader {
    private final String base;
    private final String servedAt;
    private final Path mappingFile;
    private final ZoneId zone;
    private final Consumer<String> progress;

    private VaultLoader(Builder builder) {
        this.base = builder.base;
        this.servedAt = builder.servedAt;
        this.mappingFile = builder.mappingFile;
        this.zone = builder.zone;
        this.progress = builder.progress;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A vault loaded into a store, with everything that went wrong on the way and how long each step took. */
    public record LoadedVault(Vault vault, Mapping mapping, VaultMapper mapper, VaultStore store,
                              VaultStore.LoadReport report, List<Problem> problems, long readMillis, long loadMillis) {}

    /** The mapping this loader uses for the vault at {@code root}. */
    public Mapping mappingFor(Path root) {
        Mapping mapping = mappingFile != null ? Mapping.load(mappingFile) : Mapping.forVault(root);
        if (base != null) return mapping.withBase(base);
        return servedAt != null && !mapping.baseWritten() ? mapping.withBase(servedAt) : mapping;
    }

    /** Reads the vault into a {@link Vault}, with the front matter dates the mapping names. */
    public Vault read(Path root, Mapping mapping) {
        return reader(mapping).read(root);
    }

    /** The reader this loader uses: the mapping's front matter dates, this loader's time zone and progress. */
    public VaultReader reader(Mapping mapping) {
        NoteParser parser = NoteParser.builder()
                .createdKeys(mapping.createdFields())
                .modifiedKeys(mapping.modifiedFields())
                .zone(zone)
                .build();
        return VaultReader.builder()
                .parser(parser)
                .progress(n -> progress.accept("read " + n + " notes"))
                .build();
    }

    public LoadedVault load(Path root, VaultStore store) {
        Mapping mapping = mappingFor(root);
        long start = System.nanoTime();
        Vault vault = read(root, mapping);
        long read = System.nanoTime();
        VaultMapper mapper = new VaultMapper(mapping);
        VaultStore.LoadReport report = store.load(vault, mapper, n -> progress.accept("loaded " + n + " notes into the graph"));
        long loaded = System.nanoTime();
        List<Problem> problems = new ArrayList<>(vault.problems());
        problems.addAll(report.mappingProblems());
        return new LoadedVault(vault, mapping, mapper, store, report, List.copyOf(problems),
                (read - start) / 1_000_000, (loaded - read) / 1_000_000);
    }

    /** Configures a {@link VaultLoader}. */
    public static final class Builder {
        private String base;
        private String servedAt;
        private Path mappingFile;
        private ZoneId zone = ZoneId.systemDefault();
        private Consumer<String> progress = s -> { };

        /** The base IRI, instead of the mapping's. */
        public Builder base(String base) {
            this.base = base;
            return this;
        }

        /**
         * The address the vault is served at, e.g. {@code http://127.0.0.1:3101/}: the base IRI when
         * neither {@link #base} nor the mapping file names one, so that IRIs dereference as they are.
         */
        public Builder servedAt(String address) {
            this.servedAt = address;
            return this;
        }

        /** A mapping file, instead of the vault's own {@code .vaultgraph.yaml}. */
        public Builder mappingFile(Path mappingFile) {
            this.mappingFile = mappingFile;
            return this;
        }

        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone);
            return this;
        }

        public Builder progress(Consumer<String> progress) {
            this.progress = Objects.requireNonNull(progress);
            return this;
        }

        public VaultLoader build() {
            return new VaultLoader(this);
        }
    }
}
