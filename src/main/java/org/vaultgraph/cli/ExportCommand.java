package org.vaultgraph.cli;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vaultgraph.export.ExportFormat;
import org.vaultgraph.export.GraphExporter;
import org.vaultgraph.store.VaultLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vaultgraph export}: writes the vault's graph as RDF. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes the vault's graph as RDF.",
            "Turtle and N-Triples hold the union of all notes; TriG and N-Quads keep one named graph per note."})
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VaultArgument argument;

    @Mixin
    VaultOptions options;

    @Option(names = {"-f", "--format"}, defaultValue = "turtle", paramLabel = "FORMAT",
            description = "turtle, trig, ntriples or nquads (default: ${DEFAULT-VALUE}).")
    String format;

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
        VaultLoader.LoadedVault loaded = options.load(argument.vault, spec.commandLine().getErr());
        GraphExporter exporter = new GraphExporter(loaded.mapper().iris());
        try (OutputStream out = output == null
                ? new WriterOutputStream(spec.commandLine().getOut())
                : new BufferedOutputStream(Files.newOutputStream(output))) {
            exporter.write(loaded.store().dataset(), chosen, out);
        }
        if (output != null) {
            spec.commandLine().getErr().println("wrote " + loaded.report().quads() + " quads of " + loaded.report().notes()
                    + " notes to " + output);
        }
        return 0;
    }
}
