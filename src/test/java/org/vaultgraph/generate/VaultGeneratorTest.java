package org.vaultgraph.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultgraph.SampleVault;
import org.vaultgraph.rdf.OntologyFiles;
import org.vaultgraph.store.VaultLoader;
import org.vaultgraph.validate.Finding;
import org.vaultgraph.validate.ValidationResult;
import org.vaultgraph.validate.VaultValidator;

/** A generated vault is the same for the same seed, and reads like the sample vault: insights, concepts, sources. */
class VaultGeneratorTest {

    /** One digest over every file's path and bytes. */
    private static String digest(Path root) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            sha.update(root.relativize(file).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update(Files.readAllBytes(file));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    @Test
    void theSameSeedWritesTheSameVault(@TempDir Path tmp) throws Exception {
        new VaultGenerator(500, 3).write(tmp.resolve("a"));
        new VaultGenerator(500, 3).write(tmp.resolve("b"));
        new VaultGenerator(500, 4).write(tmp.resolve("c"));
        assertEquals(digest(tmp.resolve("a")), digest(tmp.resolve("b")));
        assertNotEquals(digest(tmp.resolve("a")), digest(tmp.resolve("c")));
    }

    @Test
    void theGeneratedVaultLoadsWithItsClassesAndOnlyItsPlantedWarnings(@TempDir Path tmp) throws IOException {
        VaultGenerator.Summary summary = new VaultGenerator(2000, 11).write(tmp);
        assertEquals(2000, summary.notes());
        VaultLoader.LoadedVault loaded = SampleVault.load(tmp);
        assertEquals(2000, loaded.report().notes());
        assertEquals(List.of(), loaded.problems());
        ValidationResult result = new VaultValidator(OntologyFiles.shapes()).validate(loaded);
        assertEquals(0, result.count(Finding.Severity.ERROR), result.text());
        long unresolved = result.findings().stream().filter(f -> f.message().contains("names no note")).count();
        assertEquals(summary.brokenLinks(), unresolved, "each planted broken link is found");
        assertTrue(summary.insights() > 1000 && summary.therapies() > 0 && summary.sources() > 0, summary.toString());
    }

    @Test
    void itNeverWritesIntoAFolderThatHasFiles(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("keep.md"), "mine");
        assertThrows(IllegalArgumentException.class, () -> new VaultGenerator(100, 1).write(tmp));
        assertEquals("mine", Files.readString(tmp.resolve("keep.md")));
    }
}
