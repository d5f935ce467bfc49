package org.vaultgraph.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vaultgraph.SampleVault;
import org.vaultgraph.StrictParse;
import org.vaultgraph.store.VaultLoader;

/**
 * {@code ontology/README.md} documents every term of the ontology, and each of its example triples
 * is really in the sample vault's graph.
 */
class OntologyDocumentationTest {
    private static final Pattern BLOCK = Pattern.compile("^(```|~~~)turtle\\n(.*?)^\\1$", Pattern.MULTILINE | Pattern.DOTALL);
    /** Where a value depends on the machine (a file time), the example is an ASK query instead of a triple. */
    private static final Pattern ASK = Pattern.compile("^```sparql\\n(.*?)^```$", Pattern.MULTILINE | Pattern.DOTALL);

    private static String readme;
    private static String prefixes;
    private static Graph sample;

    @BeforeAll
    static void load() throws IOException {
        readme = Files.readString(Path.of("ontology/README.md"));
        Matcher first = BLOCK.matcher(readme);
        assertTrue(first.find(), "the README starts with a block of prefixes");
        prefixes = first.group(2);
        VaultLoader.LoadedVault loaded = SampleVault.load();
        DatasetGraph dataset = loaded.store().dataset();
        sample = Txn.calculateRead(dataset, () -> {
            Graph copy = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
            dataset.getUnionGraph().find().forEachRemaining(copy::add);
            return copy;
        });
        loaded.store().close();
    }

    /** The example triples under each "### vg:term" heading, by heading. */
    private static Map<String, List<Triple>> examplesBySection() {
        Map<String, List<Triple>> out = new LinkedHashMap<>();
        String[] sections = readme.split("(?m)^#{2,3} ");
        for (String section : sections) {
            String heading = section.lines().findFirst().orElse("");
            List<Triple> triples = new ArrayList<>();
            Matcher block = BLOCK.matcher(section);
            while (block.find()) {
                if (block.group(2).equals(prefixes)) continue;
                Graph parsed = StrictParse.parse((prefixes + block.group(2)).getBytes(StandardCharsets.UTF_8), Lang.TURTLE).getDefaultGraph();
                triples.addAll(parsed.find().toList());
            }
            out.put(heading, triples);
        }
        return out;
    }

    /** The ASK examples under each heading, by heading. */
    private static Map<String, List<String>> asksBySection() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String section : readme.split("(?m)^#{2,3} ")) {
            String heading = section.lines().findFirst().orElse("");
            Matcher ask = ASK.matcher(section);
            while (ask.find()) out.computeIfAbsent(heading, k -> new ArrayList<>()).add(ask.group(1));
        }
        return out;
    }

    @Test
    void everyAskExampleHoldsOnTheSampleVault() {
        Map<String, List<String>> asks = asksBySection();
        assertTrue(!asks.isEmpty());
        asks.forEach((heading, queries) -> {
            for (String query : queries) {
                try (var qe = org.apache.jena.query.QueryExecution.create(prefixes + query, org.apache.jena.rdf.model.ModelFactory.createModelForGraph(sample))) {
                    assertTrue(qe.execAsk(), heading + ": " + query);
                }
            }
        });
    }

    private static Set<String> declaredTerms() {
        Set<String> terms = new TreeSet<>();
        Graph ontology = OntologyFiles.ontology();
        for (Node type : List.of(OWL.Class.asNode(), OWL.ObjectProperty.asNode(), OWL.DatatypeProperty.asNode())) {
            ontology.find(Node.ANY, RDF.type.asNode(), type).forEachRemaining(t -> {
                if (t.getSubject().getURI().startsWith(VG.NS)) terms.add("vg:" + t.getSubject().getURI().substring(VG.NS.length()));
            });
        }
        return terms;
    }

    @Test
    void everyExampleTripleIsInTheSampleVaultsGraph() {
        List<String> missing = new ArrayList<>();
        int count = 0;
        for (Map.Entry<String, List<Triple>> section : examplesBySection().entrySet()) {
            for (Triple t : section.getValue()) {
                count++;
                if (!sample.contains(t)) missing.add(section.getKey() + ": " + t);
            }
        }
        assertTrue(count > 60, "the README has " + count + " example triples");
        assertEquals(List.of(), missing, "example triples that the sample vault does not produce");
    }

    @Test
    void everyTermHasASectionWithAnExampleThatUsesIt() {
        Map<String, List<Triple>> sections = examplesBySection();
        List<String> problems = new ArrayList<>();
        for (String term : declaredTerms()) {
            List<Triple> examples = sections.get(term);
            if (examples == null) {
                problems.add(term + " has no '### " + term + "' section");
                continue;
            }
            String iri = VG.NS + term.substring(3);
            boolean used = examples.stream().anyMatch(t -> t.getPredicate().getURI().equals(iri)
                    || (t.getObject().isURI() && t.getObject().getURI().equals(iri)))
                    || asksBySection().getOrDefault(term, List.of()).stream().anyMatch(q -> q.contains(term + " "));
            if (!used) problems.add(term + "'s section has no example triple that uses it");
        }
        for (String heading : sections.keySet()) {
            if (heading.startsWith("vg:") && !declaredTerms().contains(heading)) problems.add(heading + " is documented but not in vaultgraph.ttl");
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyTermTheSampleVaultUsesIsDeclaredAndEveryDeclaredTermIsUsed() {
        Set<String> used = new TreeSet<>();
        sample.find().forEachRemaining(t -> {
            if (t.getPredicate().getURI().startsWith(VG.NS)) used.add("vg:" + t.getPredicate().getURI().substring(VG.NS.length()));
            boolean typeOrSuper = t.getPredicate().equals(RDF.type.asNode()) || t.getPredicate().equals(RDFS.subPropertyOf.asNode());
            if (typeOrSuper && t.getObject().getURI().startsWith(VG.NS)) {
                used.add("vg:" + t.getObject().getURI().substring(VG.NS.length()));
            }
        });
        assertEquals(declaredTerms(), used);
    }
}
