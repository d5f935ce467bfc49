package org.vaultgraph.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code vaultgraph} command: turns an Obsidian-style vault into an RDF graph and serves it.
 *
 * <pre>{@code System.exit(Main.commandLine().execute(args));}</pre>
 */
@Command(name = "vaultgraph",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "Turns an Obsidian-style vault of markdown notes into an RDF knowledge graph,",
            "serves it over SPARQL with embedded Apache Jena Fuseki, and reproduces its tag tables."},
        subcommands = {
            ServeCommand.class,
            QueryCommand.class,
            ExportCommand.class,
            PublishCommand.class,
            DqlCommand.class,
            ValidateCommand.class,
            GenerateCommand.class,
            BenchCommand.class,
            PushCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Run 'vaultgraph help COMMAND' for the options of one command.",
            "Exit codes: 0 success, 1 failure, 2 wrong usage."})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with our error handling: one line per failure instead of a stack trace. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println("vaultgraph: " + Failures.describe(e));
            err.flush();
            return e instanceof UsageException ? 2 : 1;
        });
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
