package org.vaultgraph.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
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
        description = "Turns an Obsidian-style vault of markdown notes into an RDF knowledge graph, serves it over SPARQL "
                + "with embedded Apache Jena Fuseki, and reproduces its tag tables.",
        subcommands = {
            ServeCommand.class,
            QueryCommand.class,
            ExportCommand.class,
            PublishCommand.class,
            DqlCommand.class,
            BaseCommand.class,
            ValidateCommand.class,
            GenerateCommand.class,
            BenchCommand.class,
            PushCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Run 'vaultgraph help COMMAND' for the options of one command.",
            "Exit codes: 0 success, 1 failure, 2 wrong usage."})
public final class Main implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int code;
        try {
            code = commandLine().execute(args);
        } catch (OutOfMemoryError e) {
            // Errors pass picocli's handler; this one still deserves one line, not a stack trace.
            System.err.println("vaultgraph: out of memory" + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")") + "; give Java a larger heap, e.g. "
                    + "VAULTGRAPH_JAVA_OPTS=-Xmx4g ./vaultgraph ... or java -Xmx4g -jar vaultgraph.jar ...");
            code = 1;
        }
        System.exit(code);
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
        cli.setParameterExceptionHandler(Main::wrongUsage);
        return cli;
    }

    /** A command line picocli cannot parse: one line saying what is wrong and where to read more, not the whole usage. */
    private static int wrongUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        String help = command.getCommandSpec().parent() == null ? "vaultgraph --help" : "vaultgraph help " + command.getCommandName();
        String message = e.getMessage().replace("option option", "option").strip();
        err.println(name + ": " + message + suggestion(e) + " (see '" + help + "')");
        err.flush();
        return CommandLine.ExitCode.USAGE;
    }

    /** Picocli's "did you mean", on the same line. */
    private static String suggestion(CommandLine.ParameterException e) {
        if (!(e instanceof CommandLine.UnmatchedArgumentException unmatched) || unmatched.getSuggestions().isEmpty()) return "";
        return "; did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
    }

    /** Without a command there is nothing to do: that is wrong usage, so the usage goes to standard error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }
}
