package org.vaultgraph.cli;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vaultgraph.Exported;
import org.vaultgraph.VaultGraph;
import org.vaultgraph.export.ExportFormat;
import org.vaultgraph.vault.VaultReader;
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
        try {
            ExportFormat.named(format);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        VaultReader.checkRoot(argument.vault);
        try (VaultGraph graph = storeOptions.applyTo(options.graph(argument.vault, err)).build();
             OutputStream out = output == null
                ? new WriterOutputStream(spec.commandLine().getOut())
                : new BufferedOutputStream(Files.newOutputStream(output))) {
            Exported exported = graph.export(format, graphQueries, out);
            options.reportProblems(exported.problems(), exported.problemsNotKept(), err);
            if (output != null) {
                err.println(exported.statements() >= 0
                        ? "wrote " + exported.statements() + (exported.quads() ? " quads" : " triples") + " of " + exported.notes() + " notes to " + output
                        : "wrote the graph of " + exported.notes() + " notes to " + output);
            }
        }
        return 0;
    }
}
