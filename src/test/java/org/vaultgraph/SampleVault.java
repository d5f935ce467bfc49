package org.vaultgraph;

import java.nio.file.Path;
import java.time.ZoneOffset;
import org.vaultgraph.query.SparqlService;
import org.vaultgraph.render.GardenPublisher;
import org.vaultgraph.server.LandingPage;
import org.vaultgraph.server.VaultServer;
import org.vaultgraph.store.VaultLoader;
import org.vaultgraph.store.VaultStore;

/** The sample vault of {@code data/vault}, loaded the way the commands load it. */
public final class SampleVault {
    private SampleVault() {}

    public static final Path ROOT = Path.of("data/vault");
    public static final String MSC = "Research/Tags/Hypoxic-Cultured Autologous Mesenchymal Stem Cells (MSCs).md";

    /** Loads a vault into a fresh in-memory store; file times are written in UTC so that results do not depend on the machine. */
    public static VaultLoader.LoadedVault load(Path root) {
        return VaultLoader.builder().zone(ZoneOffset.UTC).build().load(root, VaultStore.inMemory());
    }

    public static VaultLoader.LoadedVault load() {
        return load(ROOT);
    }

    public static SparqlService sparql(VaultLoader.LoadedVault loaded) {
        return SparqlService.local(loaded.store().dataset());
    }

    /** A server of a loaded vault on a free port, with its pages: what {@code serve} starts, without reading the vault again. */
    public static VaultServer serve(VaultLoader.LoadedVault loaded, String name) {
        return VaultServer.builder()
                .dataset(loaded.store().dataset())
                .iris(loaded.mapper().iris())
                .publisher(new GardenPublisher(sparql(loaded), loaded.mapper().iris()))
                .landing(new LandingPage(name, loaded.report().notes(), loaded.mapping().base()))
                .port(0)
                .build()
                .start();
    }
}
