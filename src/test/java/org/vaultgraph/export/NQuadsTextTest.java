package org.vaultgraph.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vaultgraph.VaultGraph;

/** Our N-Quads lines are Jena's, byte for byte, for every quad of our vaults and for the nodes that need escapes. */
class NQuadsTextTest {
    @ParameterizedTest
    @ValueSource(strings = {"data/vault", "src/test/resources/garden", "src/test/resources/conformance/dataview/vault"})
    void everyQuadOfAVaultIsWrittenAsJenaWritesIt(String vault) {
        List<Quad> quads = new ArrayList<>();
        try (VaultGraph graph = VaultGraph.builder().vault(Path.of(vault)).build()) {
            graph.dataset().find().forEachRemaining(quads::add);
        }
        assertTrue(quads.size() > 100, vault + " has quads");
        assertSameText(quads);
    }

    @Test
    void nodesThatNeedEscapesOrOtherScriptsAreWrittenAsJenaWritesThem(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("Odd – name ✓.md"), "---\ntitle: \"a \\\"quoted\\\" \\\\ back\\tslash\"\ntags: [naïve]\n---\n"
                + "line\twith tab, \u0001 control, emoji 🧪, 日本語 [[Other note|alias]] #tag/ü\nfield:: \"x\\\\y\"\n");
        Files.writeString(tmp.resolve("Other note.md"), "text with \\ and \" and\r\nCRLF\n");
        List<Quad> quads = new ArrayList<>();
        try (VaultGraph graph = VaultGraph.builder().vault(tmp).build()) {
            graph.dataset().find().forEachRemaining(quads::add);
        }
        Node g = NodeFactory.createURI("http://example.org/g");
        Node s = NodeFactory.createURI("http://example.org/s");
        Node p = NodeFactory.createURI("http://example.org/p");
        for (Node o : List.of(NodeFactory.createBlankNode("b1"), NodeFactory.createLiteralLang("chat", "fr"),
                NodeFactory.createLiteralDirLang("hello", "en", "ltr"), NodeFactory.createLiteralDT("7", XSDDatatype.XSDinteger),
                NodeFactory.createLiteralString("tab\there \"q\" back\\slash\nnew line\f\b\u0000 \uFFFD \uD800 lone \uDC00 low \uD83E\uDDEA pair"), NodeFactory.createURI("http://example.org/a b<c>"),
                NodeFactory.createURI("http://example.org/ü"), NodeFactory.createLiteralString(""))) {
            quads.add(Quad.create(g, s, p, o));
            quads.add(Quad.create(Quad.defaultGraphIRI, NodeFactory.createBlankNode("b2"), p, o));
        }
        assertSameText(quads);
    }

    private static void assertSameText(List<Quad> quads) {
        ByteArrayOutputStream jena = new ByteArrayOutputStream();
        StreamRDF writer = StreamRDFWriter.getWriterStream(jena, RDFFormat.NQUADS);
        writer.start();
        quads.forEach(writer::quad);
        writer.finish();
        NQuadsText ours = new NQuadsText();
        quads.forEach(ours::quad);
        assertEquals(jena.toString(StandardCharsets.UTF_8), new String(ours.bytes(), StandardCharsets.UTF_8));
        assertEquals(quads.size(), ours.quads());
    }
}
