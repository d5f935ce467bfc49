package org.vaultgraph.vault;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.vaultgraph.StrictParse;
import org.vaultgraph.rdf.Mapping;
import org.vaultgraph.rdf.VaultMapper;

/**
 * Generated markdown, made of the pieces that trip parsers (broken links, fences, front matter,
 * fields, tags, control and right-to-left characters...), fed to the reader and the mapper: the
 * output is always RDF that a strict parser reads back, with the note in it. Seeded; a failure names its seed and input.
 * A longer run: {@code -Dfuzz.runs=100000 -Dfuzz.seed=N}.
 */
class MarkdownFuzzTest {
    private static final int RUNS = Integer.getInteger("fuzz.runs", 2000);
    private static final long SEED = Long.getLong("fuzz.seed", 20261125L);

    private static final Node VG_PATH = NodeFactory.createURI("https://w3id.org/vaultgraph/ns#path");

    private static final List<String> PIECES = List.of(
            "[[", "]]", "[[Note]]", "[[Folder/Note#Heading|alias]]", "![[image.png]]", "[[#^block]]", "[[a\\|b]]", "|", "#",
            "#tag", "#nested/tag", "#2025", "key:: value", "[inline:: 1]", "(paren:: [[Link]])", "date:: 2025-01-30",
            "dur:: 3 days", "---", "```", "```dataview\nLIST\n```", "`code [[x]]`", "$x [[y]]$", "$$", "%%", "%% [[hidden]] %%",
            "<!-- [[c]] -->", "[md](Other.md)", "[web](https://example.org/a b)", "http://", "<script>alert(1)</script>",
            "\"", "'", "\\", "\u0000", "\u0007", "\u001b[31m", "\u202e", "\u200f", "\uFEFF", "\uD83D\uDE00", "e\u0301",
            "\uFFFD", "\uD800", " ", "\t", "\n", "\r\n", "\n\n", ">", "- [ ] task:: x", "* item", "1. one", "|a|b|\n|-|-|",
            "aliases: [a, b]", "tags: [x, \"#y\"]", "n: 1e999", "b: yes", "obj: {k: [1, {z: \"[[L]]\"}]}", "&a [1]", "*a",
            "!!binary AAAA", "? complex", "ключ:: значение", "مفتاح:: قيمة", "%20", "<", "&amp;", "{{x}}");

    @Test
    void generatedMarkdownAlwaysGivesRdfThatParsesBack() {
        NoteParser parser = NoteParser.builder().build();
        VaultMapper mapper = new VaultMapper(Mapping.defaults());
        SplittableRandom random = new SplittableRandom(SEED);
        for (int run = 0; run < RUNS; run++) {
            String name = fileName(random);
            String text = markdown(random);
            try {
                NoteParser.Result result = parser.parse(name, text, new FileStamp(text.length(), Instant.EPOCH, Instant.EPOCH, "00"));
                Vault vault = new Vault(java.nio.file.Path.of("fuzz"), List.of(result.note()), List.of(), result.problems(), 0);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                StreamRDF writer = StreamRDFWriter.getWriterStream(out, RDFFormat.NQUADS);
                mapper.map(vault, writer);
                DatasetGraph graph = StrictParse.parse(out.toByteArray(), Lang.NQUADS);
                if (!graph.find(Node.ANY, Node.ANY, VG_PATH, NodeFactory.createLiteralString(NonCharacters.replace(result.note().path()))).hasNext()) {
                    fail("the note is missing from the graph");
                }
            } catch (Throwable e) {
                fail("seed " + SEED + ", run " + run + ", note " + escape(name) + ":\n" + escape(text) + "\n" + e, e);
            }
        }
    }

    private static String markdown(SplittableRandom random) {
        StringBuilder out = new StringBuilder();
        if (random.nextInt(3) == 0) {
            out.append("---\n");
            for (int i = random.nextInt(6); i > 0; i--) out.append(PIECES.get(random.nextInt(PIECES.size()))).append('\n');
            if (random.nextInt(5) > 0) out.append("---\n");
        }
        for (int i = random.nextInt(40); i > 0; i--) {
            out.append(PIECES.get(random.nextInt(PIECES.size())));
            if (random.nextInt(4) == 0) out.append(' ');
            if (random.nextInt(10) == 0) out.appendCodePoint(random.nextInt(0x20, 0x2FFFF));
        }
        return out.toString();
    }

    private static String fileName(SplittableRandom random) {
        String[] parts = {"Note", "a#b", "50%", "what?", "\"quoted\"", "it's", "\uD83D\uDE00", "\u05E9\u05DC\u05D5\u05DD", "dir/sub",
            "..", ".", " spaced ", "x\u202ey", "[[x]]", "<t>", "tab\tname", "non\uFFFEchar", "\uFDD0"};
        return parts[random.nextInt(parts.length)] + random.nextInt(100) + ".md";
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (cp < 0x20 && cp != '\n' || cp == 0x202e || cp == 0x200f || cp == 0xFEFF) out.append(String.format("\\u%04x", cp));
            else out.appendCodePoint(cp);
        });
        return out.toString();
    }
}
