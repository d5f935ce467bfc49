package org.vaultgraph.cli;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vaultgraph.export.ExportFormat;
import org.apache.jena.system.Txn;
import org.vaultgraph.export.GraphExporter;
import org.vaultgraph.export.NetworkExporter;
import org.vaultgraph.export.StreamingExporter;
import org.vaultgraph.rdf.Mapping;
import org.vaultgraph.rdf.VaultMapper;
import org.vaultgraph.vault.VaultReader;
import org.vaultgraph.query.QueryCatalog;
import org.vaultgraph.query.QueryFile;
import org.vaultgraph.query.SparqlService;
import org.vaultgraph.store.VaultLoader;
import org.apache.jena.sparql.core.DatasetGraph;
import org.vaultgraph.rdf.IriMinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vaultgraph export}: writes the vault's graph as RDF. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes the vault's graph as RDF, or as a graph for graph explorers.",
            "Turtle, N-Triples and RDF/XML hold the union of all notes, each triple once; TriG, N-Quads and JSON-LD keep "
                + "one named graph per note.",
            "GraphML (Cytoscape, yEd, Gephi) and GEXF (Gephi) draw notes and their typed links; three SPARQL queries say "
                + "what they hold."})
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VaultArgument argument;

    @Mixin
    VaultOptions options;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = {"-f", "--format"}, defaultValue = "turtle", paramLabel = "FORMAT",
            description = "turtle, trig, ntriples, nquads, jsonld, rdfxml, graphml or gexf (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--graph-queries", paramLabel = "DIR",
            description = "For graphml and gexf: a folder with graph-nodes.rq, graph-edges.rq and graph-attributes.rq "
                    + "to use instead of the built-in ones (each file found replaces its own).")
    Path graphQueries;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to this file instead of standard output.")
    Path output;

    @Override
    public Integer call() throws Exception {
        ExportFormat chosen;
        try {
            chosen = ExportFormat.named(format);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        VaultReader.checkRoot(argument.vault);
        try (OutputStream out = output == null
                ? new WriterOutputStream(spec.commandLine().getOut())
                : new BufferedOutputStream(Files.newOutputStream(output))) {
            if (storeOptions.tdb == null && StreamingExporter.streams(chosen)) {
                // Straight from the files to the output: memory stays flat however big the vault.
                VaultLoader loader = options.loader(err);
                Mapping mapping = loader.mappingFor(argument.vault);
                StreamingExporter.Report report = new StreamingExporter(loader.reader(mapping), new VaultMapper(mapping))
                        .write(argument.vault, chosen, out);
                options.reportProblems(report.problems(), report.problemsDropped(), err);
                if (output != null) {
                    err.println("wrote " + report.statements() + (chosen.quads() ? " quads" : " triples") + " of " + report.notes()
                            + " notes to " + output);
                }
            } else {
                try (OpenedGraph graph = storeOptions.open(argument.vault, options, err, false)) {
                    write(chosen, graph.store().dataset(), graph.mapper().iris(), graph.mapping().base(), out);
                    if (output != null) err.println("wrote the graph of " + graph.notes() + " notes to " + output);
                }
            }
        }
        return 0;
    }

    /** Writes from a store: RDF through the exporter, graph formats through their three queries. */
    private void write(ExportFormat chosen, DatasetGraph dataset, IriMinter iris, String base, OutputStream out) {
        if (chosen.isRdf()) {
            new GraphExporter(iris).write(dataset, chosen, out);
        } else {
            NetworkExporter.Queries queries = new NetworkExporter.Queries(graphQuery("graph-nodes.rq"),
                    graphQuery("graph-edges.rq"), graphQuery("graph-attributes.rq"));
            Txn.executeRead(dataset, () -> new NetworkExporter(SparqlService.local(dataset), queries, base).write(chosen, out));
        }
    }

    private QueryFile graphQuery(String name) {
        if (graphQueries != null && Files.isRegularFile(graphQueries.resolve(name))) return QueryFile.load(graphQueries.resolve(name));
        return QueryCatalog.named(name);
    }
}
