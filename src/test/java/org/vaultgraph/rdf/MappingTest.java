package org.vaultgraph.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultgraph.store.VaultLoader;

class MappingTest {
    @TempDir
    Path tmp;

    private MappingException error(String yaml) throws Exception {
        Path file = tmp.resolve(".vaultgraph.yaml");
        Files.writeString(file, yaml);
        return assertThrows(MappingException.class, () -> Mapping.load(file));
    }

    @Test
    void theSampleVaultsMappingReads() {
        Mapping mapping = Mapping.forVault(Path.of("data/vault"));
        assertEquals("http://127.0.0.1:3030/", mapping.base());
        assertEquals("Meta/FileClasses", mapping.fileClassFolder());
        assertEquals(List.of("created"), mapping.createdFields());
        assertEquals(List.of("updated"), mapping.modifiedFields());
        assertEquals(5, mapping.classRules().size());
        assertEquals(new Mapping.ClassRule(VG.NS + "Insight", "", "fileclass", "Research Links", ""), mapping.classRules().get(0));
    }

    @Test
    void aVaultWithoutAMappingFileGetsTheDefaults() {
        Mapping mapping = Mapping.forVault(tmp);
        assertEquals(Mapping.defaults(), mapping);
        assertTrue(mapping.classRules().stream().anyMatch(r -> r.classIri().equals(VG.NS + "Therapy") && "therapy".equals(r.value())));
    }

    @Test
    void unknownKeysAreNamedWithTheirLine() throws Exception {
        MappingException e = error("base: http://example.org/\nclases:\n  - {class: Therapy}\n");
        assertTrue(e.getMessage().endsWith(".vaultgraph.yaml:2: unknown key 'clases' in the mapping file; expected one of "
                + "[base, classes, content, fileClass, insight, properties, timestamps]"), e.getMessage());
    }

    @Test
    void aRuleWithoutAClassSaysSo() throws Exception {
        MappingException e = error("classes:\n  - folder: Notes\n");
        assertTrue(e.getMessage().contains(".vaultgraph.yaml:2: a class rule needs 'class:'"), e.getMessage());
    }

    @Test
    void badYamlNamesItsLine() throws Exception {
        MappingException e = error("base: http://example.org/\nclasses: [\n");
        assertTrue(e.getMessage().contains(".vaultgraph.yaml:3: not valid YAML"), e.getMessage());
    }

    @Test
    void theBaseMustBeAnHttpIriEndingInSlash() throws Exception {
        MappingException e = error("base: not an iri\n");
        assertTrue(e.getMessage().contains(".vaultgraph.yaml:1: base must be an http(s) IRI ending in '/'"), e.getMessage());
    }

    @Test
    void unknownPrefixesAreNamed() throws Exception {
        MappingException e = error("properties:\n  title: nope:title\n");
        assertTrue(e.getMessage().contains(".vaultgraph.yaml:2: unknown prefix in property 'nope:title'"), e.getMessage());
    }

    @Test
    void aServerAddressIsTheBaseUnlessTheMappingOrBaseOptionNamesOne() throws Exception {
        Path vault = tmp.resolve("vault");
        Files.createDirectories(vault);
        String served = "http://127.0.0.1:3101/";
        assertEquals(served, VaultLoader.builder().servedAt(served).build().mappingFor(vault).base());
        assertEquals("https://example.org/v/", VaultLoader.builder().servedAt(served).base("https://example.org/v/").build()
                .mappingFor(vault).base());
        Files.writeString(vault.resolve(Mapping.FILE_NAME), "base: https://lab.example/notes/\n");
        assertEquals("https://lab.example/notes/", VaultLoader.builder().servedAt(served).build().mappingFor(vault).base());
        assertEquals(Mapping.DEFAULT_BASE, Mapping.defaults().base());
    }
}
