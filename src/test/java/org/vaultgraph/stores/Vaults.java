package org.vaultgraph.stores;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.process.normalize.CanonicalizeLiteral;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.vaultgraph.SampleVault;
import org.vaultgraph.cli.Main;
import org.vaultgraph.rdf.Mapping;
import org.vaultgraph.rdf.VaultMapper;
import org.vaultgraph.store.VaultLoader;

/** Vaults to push, the command that pushes them, and the quads on both sides. */
public final class Vaults {
    private Vaults() {}

    /** What a command said and returned. */
    public record Run(int exit, String out, String err) {}

    /** Runs {@code vaultgraph ARGS...} in this JVM, as the jar would. */
    public static Run vaultgraph(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** {@code vaultgraph push VAULT --endpoint URL --base BASE --state STATE --quiet EXTRA...}. */
    public static Run push(Path vault, String endpoint, String base, Path state, String... extra) {
        List<String> args = new ArrayList<>(List.of("push", vault.toString(), "--endpoint", endpoint, "--state", state.toString(), "--quiet"));
        if (base != null) args.addAll(List.of("--base", base));
        args.addAll(List.of(extra));
        return vaultgraph(args.toArray(String[]::new));
    }

    /** A copy of the sample vault, file times kept. */
    public static Path copyOfSampleVault(Path to) {
        try (Stream<Path> files = Files.walk(SampleVault.ROOT)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(SampleVault.ROOT.relativize(source).toString());
                if (Files.isDirectory(source)) Files.createDirectories(target);
                else Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh conversion of the vault under this base, straight from the mapper. */
    public static Set<String> local(Path vault, String base) {
        VaultLoader loader = VaultLoader.builder().base(base).build();
        Mapping mapping = loader.mappingFor(vault);
        Set<String> out = new TreeSet<>();
        new VaultMapper(mapping).map(loader.read(vault, mapping), new StreamRDFBase() {
            @Override
            public void quad(Quad quad) {
                out.add(canonical(quad));
            }
        });
        return out;
    }

    /**
     * A quad with its literal in canonical form, so that equal values compare equal: stores may keep
     * a value rather than its spelling (Virtuoso gives back {@code "false"^^xsd:boolean} as {@code "0"}
     * and a dateTime's {@code +00:00} as {@code Z}).
     */
    static String canonical(Quad quad) {
        Node object = quad.getObject();
        if (object.isLiteral()) {
            String type = object.getLiteralDatatypeURI();
            String lexical = object.getLiteralLexicalForm();
            if (XSDDatatype.XSDdateTime.getURI().equals(type) && lexical.matches(".*[+-]00:00")) {
                object = NodeFactory.createLiteralDT(lexical.substring(0, lexical.length() - 6) + "Z", XSDDatatype.XSDdateTime);
            }
            object = CanonicalizeLiteral.get().apply(object);
        }
        return Quad.create(quad.getGraph(), quad.getSubject(), quad.getPredicate(), object).toString();
    }

    /** Every quad in the store's named graphs whose name starts with one of these prefixes, through its SPARQL endpoint. */
    public static Set<String> remote(String sparqlEndpoint, String... graphPrefixes) {
        Set<String> out = new TreeSet<>();
        try (QueryExec exec = QueryExecHTTP.service(sparqlEndpoint).query("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }").build()) {
            RowSet rows = exec.select();
            rows.forEachRemaining(row -> {
                String graph = row.get("g").getURI();
                for (String prefix : graphPrefixes) {
                    if (graph.startsWith(prefix)) {
                        out.add(canonical(Quad.create(row.get("g"), row.get("s"), row.get("p"), row.get("o"))));
                        break;
                    }
                }
            });
        }
        return out;
    }

    /** The names of every named graph the store holds. */
    public static Set<String> graphs(String sparqlEndpoint) {
        Set<String> out = new TreeSet<>();
        try (QueryExec exec = QueryExecHTTP.service(sparqlEndpoint).query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").build()) {
            exec.select().forEachRemaining(row -> out.add(row.get("g").toString()));
        }
        return out;
    }

    /** Fails with the quads one side has and the other lacks (the first ten of each), when the sides differ. */
    public static void assertSameQuads(Set<String> expected, Set<String> actual) {
        if (expected.equals(actual)) return;
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        Set<String> extra = new TreeSet<>(actual);
        extra.removeAll(expected);
        org.junit.jupiter.api.Assertions.fail(missing.size() + " quads missing from the store, " + extra.size() + " it should not hold;\nmissing: "
                + String.join("\n  ", missing.stream().limit(10).toList()) + "\nextra: " + String.join("\n  ", extra.stream().limit(10).toList()));
    }

    /** The union of two sets. */
    public static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.addAll(b);
        return out;
    }
}
