package org.vaultgraph.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.graph.GraphFactory;
import org.vaultgraph.rdf.OntologyFiles;
import org.vaultgraph.store.VaultLoader;
import org.vaultgraph.store.VaultStore;
import org.vaultgraph.validate.ValidationResult;
import org.vaultgraph.validate.VaultValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vaultgraph validate}: checks a vault and says what to fix, note by note. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks a vault and says, note by note, what to fix.",
            "It reports notes that could not be read as written (broken front matter...), links that name nothing in the "
                + "vault, and the SHACL shapes of well-formed insights, concepts and sources (ontology/shapes.ttl). Each "
                + "finding names the note, the line where known, what is wrong and how to fix it; links to what is not in "
                + "the vault are grouped by target (missing files, aliases, notes not written yet), with their count.",
            "Exit code 0 when there are no errors (nor warnings, with --strict), 1 otherwise."})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VaultArgument argument;

    @Mixin
    VaultOptions options;

    @Option(names = {"-f", "--format"}, defaultValue = "text", paramLabel = "FORMAT",
            description = "text (for people, the default) or turtle (the SHACL validation report, for tools; "
                    + "the text report then goes to standard error).")
    String format;

    @Option(names = "--shapes", paramLabel = "FILE", description = "SHACL shapes (Turtle) to check instead of the built-in ones.")
    Path shapesFile;

    @Option(names = "--strict", description = "Fail on warnings too (links to notes not written yet, concepts no insight links to).")
    boolean strict;

    @Override
    public Integer call() {
        String chosen = format.toLowerCase(Locale.ROOT);
        if (!chosen.equals("text") && !chosen.equals("turtle") && !chosen.equals("ttl")) {
            throw new UsageException("unknown format '" + format + "'; use text or turtle");
        }
        VaultValidator validator = new VaultValidator(shapes());
        VaultLoader.LoadedVault loaded = options.loader(spec.commandLine().getErr()).load(argument.vault, VaultStore.inMemory());
        ValidationResult result;
        try {
            result = validator.validate(loaded);
        } finally {
            loaded.store().close();
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (chosen.equals("text")) {
            out.print(result.text());
        } else {
            err.print(result.text());
            err.flush();
            out.print(RDFWriter.source(result.shaclReport().getGraph()).format(RDFFormat.TURTLE_PRETTY).asString());
        }
        out.flush();
        return result.passes(strict) ? 0 : 1;
    }

    private Graph shapes() {
        if (shapesFile == null) return OntologyFiles.shapes();
        if (!Files.isRegularFile(shapesFile)) throw new UsageException("shapes file not found: " + shapesFile);
        Graph graph = GraphFactory.createDefaultGraph();
        try {
            RDFParser.source(shapesFile).lang(Lang.TURTLE).parse(graph);
        } catch (RiotException e) {
            throw new UsageException("shapes file " + shapesFile + " is not valid Turtle: " + e.getMessage());
        }
        return graph;
    }
}
