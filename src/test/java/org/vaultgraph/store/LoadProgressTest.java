package org.vaultgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load's progress counts notes, not the graphs written: a vault with more pictures than notes says how many notes it has. */
class LoadProgressTest {
    @Test
    void progressCountsNotesAndNeverMoreThanTheVaultHas(@TempDir Path vault) throws Exception {
        for (int i = 0; i < 2_000; i++) Files.writeString(vault.resolve(String.format("Note %04d.md", i)), "Links to [[Note 0000]] and ![[p" + i + ".png]].\n");
        for (int i = 0; i < 2_500; i++) Files.write(vault.resolve("p" + i + ".png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        List<String> said = new ArrayList<>();
        VaultLoader.LoadedVault loaded = VaultLoader.builder().progress(said::add).build().load(vault, VaultStore.inMemory());
        try {
            assertEquals(2_000, loaded.report().notes());
            assertEquals(List.of("loaded 1,000 of 2,000 notes into the graph", "loaded 2,000 of 2,000 notes into the graph"),
                    said.stream().filter(line -> line.startsWith("loaded ")).toList());
        } finally {
            loaded.store().close();
        }
    }
}
