package org.vaultgraph.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vaultgraph.StrictParse;
import org.vaultgraph.rdf.Mapping;
import org.vaultgraph.rdf.VaultMapper;

/**
 * Vaults with the bad input real vaults have. For each: the vault loads, the good note is in the
 * graph, the bad file is reported once with its path (and line where it has one), the graph is valid
 * RDF, and nothing outside the vault is read. The small vaults are files under
 * {@code src/test/resources/bad-vaults}; the large, binary and linked ones are made by the test.
 * The timeout only guards against a hang.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class BadVaultsTest {
    private static final Path BAD = Path.of("src/test/resources/bad-vaults");

    /** What reading and mapping a vault gave. */
    private record Loaded(Vault vault, DatasetGraph graph, List<Problem> problems) {
        Set<String> notePaths() {
            Set<String> out = new TreeSet<>();
            vault.notes().forEach(n -> out.add(n.path()));
            return out;
        }

        List<Problem> problemsOf(String path) {
            return problems.stream().filter(p -> p.path().equals(path)).toList();
        }

        boolean graphMentions(String text) {
            var quads = graph.find();
            while (quads.hasNext()) if (quads.next().toString().contains(text)) return true;
            return false;
        }
    }

    private static Loaded load(Path root) {
        Vault vault = VaultReader.builder().build().read(root);
        VaultMapper mapper = new VaultMapper(Mapping.forVault(root));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Problem> problems = new java.util.ArrayList<>(vault.problems());
        problems.addAll(mapper.map(vault, StreamRDFWriter.getWriterStream(out, RDFFormat.NQUADS)));
        return new Loaded(vault, StrictParse.parse(out.toByteArray(), Lang.NQUADS), problems);
    }

    private static void assertGoodNoteLoaded(Loaded loaded) {
        assertTrue(loaded.notePaths().contains("Good.md"), loaded.notePaths().toString());
        assertTrue(loaded.graphMentions("\"Good.md\""), "the good note is in the graph");
    }

    private static Problem onlyProblem(Loaded loaded, String path) {
        List<Problem> problems = loaded.problemsOf(path);
        assertEquals(1, problems.size(), "one problem for " + path + ": " + loaded.problems());
        return problems.get(0);
    }

    @Test
    void yamlBombsAndDeepNestingAreRefusedWithTheirLine() {
        Loaded loaded = load(BAD.resolve("yaml"));
        assertGoodNoteLoaded(loaded);
        for (String path : List.of("Bomb.md", "Deep.md", "Recursive.md")) {
            Problem p = onlyProblem(loaded, path);
            assertTrue(p.line() > 0, p.toString());
            assertTrue(loaded.notePaths().contains(path), "the note is still read, without its properties: " + path);
        }
        assertTrue(loaded.graphMentions("the body still counts"), "the body of a note with a YAML bomb is read");
    }

    @Test
    void hugeFrontMatterIsRefusedNotExpanded(@TempDir Path vault) throws IOException {
        Files.writeString(vault.resolve("Good.md"), "A good note.\n");
        StringBuilder huge = new StringBuilder("---\n");
        for (int i = 0; i < 30_000; i++) huge.append("key").append(i).append(": value ").append(i).append('\n');
        Files.writeString(vault.resolve("Huge.md"), huge.append("---\nbody\n"));
        Loaded loaded = load(vault);
        assertGoodNoteLoaded(loaded);
        Problem p = onlyProblem(loaded, "Huge.md");
        assertTrue(p.message().contains("front matter"), p.toString());
    }

    @Test
    void encodingsLineEndingsAndByteOrderMarks() {
        Loaded loaded = load(BAD.resolve("encodings"));
        assertGoodNoteLoaded(loaded);
        Problem latin1 = onlyProblem(loaded, "Latin1.md");
        assertEquals(4, latin1.line(), latin1.toString());
        Problem nonCharacter = onlyProblem(loaded, "NonCharacter.md");
        assertEquals(4, nonCharacter.line(), nonCharacter.toString());
        assertTrue(nonCharacter.message().contains("U+FFFE"), nonCharacter.toString());
        Note odd = loaded.vault().notes().stream().filter(n -> n.path().equals("NonCharacter.md")).findFirst().orElseThrow();
        assertEquals("odd \uFFFD character", odd.field("remark").map(f -> ((FieldValue.Text) f.value()).text()).orElse(""),
                "the text is kept, the non-character replaced");
        assertTrue(loaded.problemsOf("Bom.md").isEmpty() && loaded.problemsOf("Crlf.md").isEmpty(), loaded.problems().toString());
        Note bom = loaded.vault().notes().stream().filter(n -> n.path().equals("Bom.md")).findFirst().orElseThrow();
        assertTrue(bom.field("type").isPresent(), "front matter after a byte order mark is read");
        Note crlf = loaded.vault().notes().stream().filter(n -> n.path().equals("Crlf.md")).findFirst().orElseThrow();
        assertEquals("windows", crlf.field("type").map(f -> ((FieldValue.Text) f.value()).text()).orElse(""));
        assertEquals(List.of("Good"), crlf.links().stream().map(Link::target).toList());
        assertEquals(5, crlf.links().get(0).line());
    }

    @Test
    void oddFileNamesGiveValidIris() {
        Loaded loaded = load(BAD.resolve("names"));
        assertGoodNoteLoaded(loaded);
        assertEquals(List.of(), loaded.problems());
        for (String name : List.of("a#b.md", "100%.md", "why?.md", "\"quoted\".md", "it's.md", "smile \uD83D\uDE00.md", "\u05E9\u05DC\u05D5\u05DD.md")) {
            assertTrue(loaded.notePaths().contains(name), name + " in " + loaded.notePaths());
        }
        // Links to them resolve (the graph parsed strictly, so every IRI is valid).
        assertFalse(loaded.graphMentions("unresolved/"), "every link names an existing note");
    }

    @Test
    void binaryFilesNamedMdAreKeptAsFiles(@TempDir Path vault) throws IOException {
        Files.writeString(vault.resolve("Good.md"), "A good note.\n");
        Files.write(vault.resolve("Binary.md"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 1, 2, 3});
        Loaded loaded = load(vault);
        assertGoodNoteLoaded(loaded);
        assertTrue(onlyProblem(loaded, "Binary.md").message().contains("binary"));
        assertTrue(loaded.vault().attachments().stream().anyMatch(a -> a.path().equals("Binary.md")));
    }

    @Test
    void aFiftyMegabyteNoteAndTenThousandLinks(@TempDir Path vault) throws IOException {
        Files.writeString(vault.resolve("Good.md"), "A good note.\n");
        int bigLinks = 0;
        try (Writer big = Files.newBufferedWriter(vault.resolve("Big.md"), StandardCharsets.UTF_8)) {
            // Mostly prose, like a pasted transcript, with a link and a tag every thousand paragraphs.
            String paragraph = "A long paragraph about discs, repeated to make a very large note. ".repeat(10) + "\n\n";
            long written = 0;
            for (int i = 0; written < 50L * 1024 * 1024; i++) {
                String text = i % 1000 == 0 ? "See [[Good]] #big\n\n" + paragraph : paragraph;
                if (i % 1000 == 0) bigLinks++;
                big.write(text);
                written += text.length();
            }
        }
        StringBuilder links = new StringBuilder();
        for (int i = 0; i < 10_000; i++) links.append("[[Target ").append(i).append("]] ");
        Files.writeString(vault.resolve("Links.md"), links);
        Loaded loaded = load(vault);
        assertGoodNoteLoaded(loaded);
        assertTrue(loaded.notePaths().containsAll(Set.of("Big.md", "Links.md")));
        Note linksNote = loaded.vault().notes().stream().filter(n -> n.path().equals("Links.md")).findFirst().orElseThrow();
        assertEquals(10_000, linksNote.links().size());
        Note bigNote = loaded.vault().notes().stream().filter(n -> n.path().equals("Big.md")).findFirst().orElseThrow();
        assertEquals(bigLinks, bigNote.links().size());
        assertEquals(List.of(), loaded.problems());
    }

    /**
     * A note of 27 MB, 120,000 lines of ten links each (1.2 million links), among good notes: export,
     * a TDB2 store and the server each run in a JVM with a 256 MB heap, keep every other note, and say
     * in one line per limit what was left out of the hostile note. Figures are printed, never asserted;
     * the longer timeout leaves room for a machine busy with other builds.
     */
    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void aNoteOfMillionsOfLinksFitsA256MegabyteHeap(@TempDir Path tmp) throws Exception {
        Path vault = tmp.resolve("vault");
        Files.createDirectories(vault);
        List<String> good = List.of("Alpha.md", "Good 1.md", "Good 2.md", "Good 3.md", "Zeta.md");
        for (String name : good) Files.writeString(vault.resolve(name), "A good note linking [[Good 1]] and [[Hostile]]. #good\n");
        String line = String.join(" ", java.util.Collections.nCopies(10, "[[Good 2]] and again,")) + " end.\n";
        try (Writer hostile = Files.newBufferedWriter(vault.resolve("Hostile.md"), StandardCharsets.UTF_8)) {
            for (int i = 0; i < 120_000; i++) hostile.write(line);
        }
        List<String> notes = new java.util.ArrayList<>(good);
        notes.add("Hostile.md");

        Path nquads = tmp.resolve("vault.nq");
        Child export = Child.run(tmp, "export", vault.toString(), "--format", "nquads", "-o", nquads.toString());
        export.assertOneLinePerLimit();
        DatasetGraph graph = StrictParse.parse(Files.readAllBytes(nquads), Lang.NQUADS);
        for (String note : notes) {
            assertTrue(graph.find(Node.ANY, Node.ANY, VG_PATH, NodeFactory.createLiteralString(note)).hasNext(), note + " is in the export");
        }
        Node hostile = NodeFactory.createURI("http://127.0.0.1:3030/note/Hostile");
        assertEquals(NoteLimits.DEFAULT.asWritten(), count(graph.find(hostile, hostile, VG("hasLink"), Node.ANY)), "link occurrences kept");
        assertTrue(graph.contains(hostile, hostile, VG("linksTo"), NodeFactory.createURI("http://127.0.0.1:3030/note/Good%202")));
        System.out.printf("hostile note %.1f MB: export with -Xmx256m in %.1f s, %.1f MB of N-Quads, %d quads%n",
                Files.size(vault.resolve("Hostile.md")) / 1e6, export.seconds, Files.size(nquads) / 1e6, count(graph.find()));

        Path query = tmp.resolve("paths.rq");
        Files.writeString(query, "PREFIX vg: <https://w3id.org/vaultgraph/ns#>\nSELECT ?path WHERE { ?note vg:path ?path } ORDER BY ?path\n");
        Child tdb = Child.run(tmp, "query", vault.toString(), query.toString(), "--tdb", tmp.resolve("tdb").toString(), "--format", "csv");
        tdb.assertOneLinePerLimit();
        assertEquals(notes.stream().sorted().toList(), csvValues(tdb.out), "every note is in the TDB2 store");
        System.out.printf("the same vault into TDB2 with -Xmx256m: %.1f s%n", tdb.seconds);
        // The limits depend on the text alone, so the store holds exactly what the export holds.
        try (org.vaultgraph.store.VaultStore store = org.vaultgraph.store.VaultStore.onDisk(tmp.resolve("tdb"))) {
            Set<String> stored = org.apache.jena.system.Txn.calculateRead(store.dataset(), () -> {
                Set<String> quads = new TreeSet<>();
                store.dataset().find().forEachRemaining(q -> quads.add(q.toString()));
                return quads;
            });
            Set<String> exported = new TreeSet<>();
            graph.find().forEachRemaining(q -> exported.add(q.toString()));
            assertEquals(exported, stored);
        }

        Child.Server server = Child.serve(tmp, vault);
        try {
            String answer = server.query("PREFIX vg: <https://w3id.org/vaultgraph/ns#> SELECT ?path WHERE { ?note vg:path ?path } ORDER BY ?path");
            assertEquals(notes.stream().sorted().toList(), csvValues(answer), "every note is served");
            System.out.printf("served with -Xmx256m after %.1f s%n", server.seconds);
        } finally {
            server.stop();
        }
        server.assertOneLinePerLimit();
    }

    private static final Node VG_PATH = VG("path");

    private static Node VG(String local) {
        return NodeFactory.createURI("https://w3id.org/vaultgraph/ns#" + local);
    }

    private static long count(java.util.Iterator<?> it) {
        long n = 0;
        for (; it.hasNext(); it.next()) n++;
        return n;
    }

    /** The values of a one-column CSV answer, without its header. */
    private static List<String> csvValues(String csv) {
        List<String> lines = csv.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return lines.subList(1, lines.size());
    }

    /** vaultgraph run in a JVM of its own with a 256 MB heap, as a user would run it. */
    private record Child(int exit, String out, String err, double seconds) {
        private static final String MAIN = "org.vaultgraph.cli.Main";

        private static List<String> java(String... args) {
            List<String> command = new java.util.ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-Xmx256m", "-cp", System.getProperty("java.class.path"), MAIN));
            command.addAll(List.of(args));
            return command;
        }

        static Child run(Path tmp, String... args) throws Exception {
            Path out = Files.createTempFile(tmp, "out", ".txt");
            Path err = Files.createTempFile(tmp, "err", ".txt");
            long start = System.nanoTime();
            Process process = new ProcessBuilder(java(args)).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("vaultgraph " + String.join(" ", args) + " did not finish");
            }
            Child child = new Child(process.exitValue(), Files.readString(out), Files.readString(err), (System.nanoTime() - start) / 1e9);
            assertEquals(0, child.exit, child.err);
            return child;
        }

        /** No stack trace; the hostile note's links named once, with path and line. */
        void assertOneLinePerLimit() {
            assertFalse(err.contains("Exception") || err.contains("Error") || err.contains("\tat "), err);
            List<String> said = err.lines().filter(l -> l.contains("Hostile.md:") && l.contains("links")).toList();
            assertEquals(1, said.size(), err);
            assertTrue(said.get(0).matches("\\s*Hostile\\.md:\\d+: has 1,200,000 links, .*"), said.get(0));
        }

        /** A server on a free port, started and waited for. */
        record Server(Process process, String url, double seconds, Path err) {
            String query(String sparql) throws Exception {
                var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "vault/sparql?query="
                        + java.net.URLEncoder.encode(sparql, StandardCharsets.UTF_8))).header("Accept", "text/csv").build();
                var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode(), response.body());
                return response.body();
            }

            void stop() throws InterruptedException {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
            }

            void assertOneLinePerLimit() throws IOException {
                new Child(0, "", Files.readString(err), seconds).assertOneLinePerLimit();
            }
        }

        static Server serve(Path tmp, Path vault) throws Exception {
            Path err = Files.createTempFile(tmp, "serve", ".txt");
            long start = System.nanoTime();
            Process process = new ProcessBuilder(java("serve", vault.toString(), "--port", "0")).redirectError(err.toFile()).start();
            // The banner is a few lines, far less than a pipe holds: the rest of it need not be read.
            var lines = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("serving ")) {
                    return new Server(process, line.substring("serving ".length()).split(" ")[0], (System.nanoTime() - start) / 1e9, err);
                }
            }
            process.destroyForcibly().waitFor();
            throw new AssertionError("the server did not start:\n" + Files.readString(err));
        }
    }

    @Test
    void symbolicLinksAreNotFollowedInsideOrOutside(@TempDir Path tmp) throws IOException {
        Path vault = tmp.resolve("vault");
        Files.createDirectories(vault.resolve("Folder"));
        Files.writeString(vault.resolve("Good.md"), "A good note.\n");
        Path outside = tmp.resolve("secret.md");
        Files.writeString(outside, "outside the vault: do not read\n");
        Files.createSymbolicLink(vault.resolve("Secret.md"), outside);
        Files.createSymbolicLink(vault.resolve("Folder/Loop"), vault);
        Files.createSymbolicLink(vault.resolve("Outside"), tmp);
        Loaded loaded = load(vault);
        assertGoodNoteLoaded(loaded);
        assertFalse(loaded.graphMentions("do not read"), "nothing outside the vault is read");
        for (String path : List.of("Secret.md", "Folder/Loop", "Outside")) {
            assertTrue(onlyProblem(loaded, path).message().contains("symbolic link not followed"));
        }
    }

    @Test
    void aNoteDeletedWhileTheVaultIsReadIsReportedOnce(@TempDir Path vault) throws IOException {
        Files.writeString(vault.resolve("Good.md"), "A good note.\n");
        Files.writeString(vault.resolve("Gone.md"), "about to go\n");
        VaultReader reader = VaultReader.builder().build();
        VaultReader.VaultFiles files = reader.list(vault);
        Files.delete(vault.resolve("Gone.md"));
        List<Problem> problems = new java.util.ArrayList<>();
        List<String> read = new java.util.ArrayList<>();
        reader.forEachNote(files, 10, note -> {
            problems.addAll(note.problems());
            if (note.note() != null) read.add(note.path());
        });
        assertEquals(List.of("Good.md"), read);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).message().contains("deleted while the vault was being read"), problems.toString());
    }

    @Test
    void aNoteChangedAfterTheListingIsReadAsItIsNow(@TempDir Path vault) throws IOException {
        Files.writeString(vault.resolve("Good.md"), "A good note.\n");
        Files.writeString(vault.resolve("Changing.md"), "first draft\n");
        VaultReader reader = VaultReader.builder().build();
        VaultReader.VaultFiles files = reader.list(vault);
        Files.writeString(vault.resolve("Changing.md"), "second draft, longer, with a link to [[Good]]\n");
        List<Note> read = new java.util.ArrayList<>();
        List<Problem> problems = new java.util.ArrayList<>();
        reader.forEachNote(files, 10, note -> {
            problems.addAll(note.problems());
            if (note.note() != null) read.add(note.note());
        });
        Note changing = read.stream().filter(n -> n.path().equals("Changing.md")).findFirst().orElseThrow();
        assertEquals(List.of("Good"), changing.links().stream().map(Link::target).toList(), "the bytes on disk now are read");
        // The stamp describes the bytes read, so a later sync compares against what was mapped.
        assertEquals(Files.size(vault.resolve("Changing.md")), changing.file().size());
        assertEquals(VaultReader.sha256(Files.readAllBytes(vault.resolve("Changing.md"))), changing.file().sha256());
        assertEquals(List.of(), problems);
    }

    @Test
    void anEmptyVaultAndAMissingOne(@TempDir Path tmp) {
        Loaded empty = load(tmp);
        assertEquals(0, empty.vault().notes().size());
        assertEquals(List.of(), empty.problems());
        VaultException missing = assertThrows(VaultException.class, () -> VaultReader.builder().build().read(tmp.resolve("nowhere")));
        assertTrue(missing.getMessage().startsWith("vault folder not found: "), missing.getMessage());
    }
}
