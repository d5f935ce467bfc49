package org.vaultgraph.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultgraph.generate.VaultGenerator;
import org.vaultgraph.rdf.Mapping;
import org.vaultgraph.rdf.VaultMapper;
import org.vaultgraph.store.VaultLoader;
import org.vaultgraph.vault.Problem;
import org.vaultgraph.vault.Vault;
import org.vaultgraph.vault.VaultReader;

/**
 * Notes are mapped on every core, yet the N-Quads export is byte for byte what mapping the notes one
 * after the other, in path order, writes: the order of the output never depends on the threads.
 */
class ExportOrderTest {
    @Test
    void theParallelExportWritesWhatTheNotesMappedInOrderWrite(@TempDir Path tmp) throws Exception {
        Path vault = tmp.resolve("vault");
        new VaultGenerator(700, 5).write(vault); // many slices and more than one block of them
        VaultLoader loader = VaultLoader.builder().build();
        Mapping mapping = loader.mappingFor(vault);
        VaultReader reader = loader.reader(mapping);
        VaultMapper mapper = new VaultMapper(mapping);

        ByteArrayOutputStream exported = new ByteArrayOutputStream();
        StreamingExporter.Report report = new StreamingExporter(reader, mapper).write(vault, ExportFormat.NQUADS, exported);

        Vault read = reader.read(vault);
        ByteArrayOutputStream inOrder = new ByteArrayOutputStream();
        StreamRDF writer = StreamRDFWriter.getWriterStream(inOrder, RDFFormat.NQUADS);
        List<Problem> problems = new ArrayList<>(read.problems());
        writer.start();
        VaultMapper.VaultContext context = mapper.context(read);
        read.notes().forEach(note -> mapper.mapNote(note, context, writer, problems));
        read.attachments().forEach(attachment -> mapper.mapAttachment(attachment, writer));
        writer.finish();

        assertArrayEquals(inOrder.toByteArray(), exported.toByteArray(), "the export differs from the notes mapped in order");
        assertEquals(problems, report.problems());
        assertEquals(read.notes().size(), report.notes());
    }
}
