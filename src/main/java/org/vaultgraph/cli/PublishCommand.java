package org.vaultgraph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vaultgraph.Published;
import org.vaultgraph.Publishing;
import org.vaultgraph.VaultGraph;
import org.vaultgraph.render.GardenNotes;
import org.vaultgraph.render.SiteCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vaultgraph publish}: the Digital Garden of a vault, as a site or as the plugin's markdown. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Publishes the notes whose front matter says 'dg-publish: true' as the Obsidian Digital Garden plugin does.",
            "Each note is compiled as the plugin compiles it (its JSON front matter and permalink, links to full paths, "
                + "transclusions, Dataview blocks, inline queries and bases answered from the graph, images pointed at /img/user/) and "
                + "written as a page of a static site (--format html, the default: <permalink>/index.html, the dg-home note "
                + "also at index.html) or as the plugin's markdown (--format markdown: src/site/notes/<vault path>, as in a "
                + "garden repository). The images and files the pages show are copied to img/user/. Every other note is "
                + "named on standard error with the reason it was left out."})
final class PublishCommand implements Callable<Integer> {
    enum Format { html, markdown }

    enum Links { permalinks, vault_paths }

    @Spec
    CommandSpec spec;

    @Mixin
    VaultArgument argument;

    @Mixin
    VaultOptions options;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the garden to.")
    Path out;

    @Option(names = "--format", paramLabel = "html|markdown", defaultValue = "html",
            description = "html: a static site, one page per note (default); markdown: the plugin's markdown files.")
    Format format;

    @Option(names = "--links", paramLabel = "permalinks|vault-paths", defaultValue = "permalinks", converter = LinksConverter.class,
            description = "Where the links of Dataview's results point: the pages' permalinks (default), or the vault paths "
                    + "they name, as the plugin leaves them (its markup byte for byte; those links lead nowhere on a site).")
    Links links;

    @Option(names = "--all", description = "Publish every note, whatever its front matter says (for a vault that does not use dg-publish).")
    boolean all;

    @Option(names = "--check-links", description = "After writing the site, check that every link of every page leads to a page or file of it.")
    boolean checkLinks;

    static final class LinksConverter implements picocli.CommandLine.ITypeConverter<Links> {
        @Override
        public Links convert(String value) {
            return switch (value) {
                case "permalinks" -> Links.permalinks;
                case "vault-paths" -> Links.vault_paths;
                default -> throw new picocli.CommandLine.TypeConversionException("expected permalinks or vault-paths, not '" + value + "'");
            };
        }
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (checkLinks && format != Format.html) throw new UsageException("--check-links checks a site: use it with --format html");
        Publishing settings = new Publishing(out, format == Format.html ? Publishing.Format.HTML : Publishing.Format.MARKDOWN,
                links == Links.permalinks ? Publishing.Links.PERMALINKS : Publishing.Links.VAULT_PATHS, all, checkLinks);
        long started = System.nanoTime();
        Published published;
        int notes;
        double readSeconds;
        try (VaultGraph graph = options.graph(argument.vault, err).build()) {
            notes = options.read(graph, err).notes();
            readSeconds = (System.nanoTime() - started) / 1e9;
            try {
                published = graph.publish(settings);
            } catch (IllegalArgumentException e) {
                throw new CommandFailure(e.getMessage()); // a page whose address leads outside --out
            }
        }
        if (!options.quiet) {
            for (GardenNotes.Skipped skipped : published.skipped()) err.println(skipped.path() + ": not published: " + skipped.reason());
            published.warnings().forEach(err::println);
        }
        published.errors().forEach(err::println);
        for (String missing : published.missing()) err.println(missing + ": not copied: no such file in the vault (or it is a symbolic link)");
        if (published.pages() == 0) {
            err.println("published 0 pages: " + (notes == 0 ? "the vault has no notes"
                    : "none of the " + notes + " notes says 'dg-publish: true' in its front matter; --all publishes every note"));
            err.flush();
            return 0;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        err.println(String.format(Locale.ROOT, "published %d pages and %d attachments to %s in %.1f s, the vault read in %.1f s (%d files written, %d already up to date)%s%s",
                published.pages(), published.attachments(), out, seconds, readSeconds, published.written(), published.unchanged(),
                published.skipped().isEmpty() ? "" : "; " + published.skipped().size() + " notes left out",
                published.errors().isEmpty() ? "" : "; " + published.errors().size() + " queries or bases failed"));
        int exit = published.errors().isEmpty() ? 0 : 1;
        SiteCheck.Report report = published.linkCheck();
        if (report != null) {
            for (SiteCheck.Broken broken : report.broken()) err.println(broken.page() + ": broken link: " + broken.link());
            err.println("checked " + report.links() + " links in " + report.pages() + " pages: " + report.broken().size() + " broken");
            if (!report.broken().isEmpty()) exit = 1;
        }
        err.flush();
        return exit;
    }
}
