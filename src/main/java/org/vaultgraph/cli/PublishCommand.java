package org.vaultgraph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vaultgraph.Published;
import org.vaultgraph.VaultGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vaultgraph publish}: writes the Digital Garden page of every note with a dataview block. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Writes the Digital Garden page of every note that has a dataview block and 'dg-publish: true'.",
            "A page is what the Obsidian Digital Garden plugin publishes: JSON front matter (permalink, updated), then the "
                + "note with each block rendered as Dataview's HTML table, its rows from SPARQL over the graph. Pages go to "
                + "the --out folder at the note's vault path. Notes without 'dg-publish: true' are never written; each is "
                + "named on standard error."})
final class PublishCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VaultArgument argument;

    @Mixin
    VaultOptions options;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the pages to.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Published published;
        try (VaultGraph graph = options.graph(argument.vault, err).build()) {
            options.read(graph, err);
            try {
                published = graph.publish(out);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage()); // a note whose path leads outside --out
            }
        }
        for (String path : published.kept()) err.println(path + ": not published: its front matter does not say 'dg-publish: true'");
        published.errors().forEach(err::println);
        err.println("published " + published.pages() + " pages to " + out + " (" + published.written() + " written, "
                + (published.pages() - published.written()) + " already up to date)"
                + (published.kept().isEmpty() ? "" : "; " + published.kept().size() + " notes with dataview blocks kept private (no 'dg-publish: true')")
                + (published.errors().isEmpty() ? "" : "; " + published.errors().size() + " queries failed"));
        err.flush();
        return published.errors().isEmpty() ? 0 : 1;
    }
}
