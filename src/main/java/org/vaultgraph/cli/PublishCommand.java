package org.vaultgraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.vaultgraph.query.SparqlService;
import org.vaultgraph.render.GardenLayout;
import org.vaultgraph.render.GardenNotes;
import org.vaultgraph.render.GardenPublisher;
import org.vaultgraph.render.SiteAddresses;
import org.vaultgraph.render.SiteCheck;
import org.vaultgraph.store.VaultLoader;
import org.vaultgraph.vault.VaultFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vaultgraph publish}: the Digital Garden of a vault, as a site or as the plugin's markdown. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Publishes the notes whose front matter says 'dg-publish: true' as the Obsidian Digital Garden plugin does.",
            "Each note is compiled as the plugin compiles it (its JSON front matter and permalink, links to full paths, "
                + "transclusions, Dataview blocks and inline queries answered from the graph, images pointed at /img/user/) and "
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
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (checkLinks && format != Format.html) throw new UsageException("--check-links checks a site: use it with --format html");
        long started = System.nanoTime();
        VaultLoader.LoadedVault loaded = options.load(argument.vault, err);
        double loadSeconds = (System.nanoTime() - started) / 1e9;
        GardenPublisher publisher = new GardenPublisher(SparqlService.local(loaded.store().dataset()), loaded.mapper().iris());
        GardenNotes garden = publisher.garden(all);
        if (!options.quiet) {
            for (GardenNotes.Skipped skipped : garden.skipped()) err.println(skipped.path() + ": not published: " + skipped.reason());
        }
        List<String> paths = new ArrayList<>(garden.permalinks().keySet());
        if (paths.isEmpty()) {
            int notes = loaded.vault().notes().size();
            err.println("published 0 pages: " + (notes == 0 ? "the vault has no notes"
                    : "none of the " + notes + " notes says 'dg-publish: true' in its front matter; --all publishes every note"));
            err.flush();
            return 0;
        }
        Path root = out.toAbsolutePath().normalize();
        Writer writer = new Writer(root);
        Map<String, String> titles = new LinkedHashMap<>();
        TreeSet<String> attachments = new TreeSet<>();
        int failed = 0;
        // Pages render in parallel, a thousand at a time, and are written in path order.
        for (int start = 0; start < paths.size(); start += 1000) {
            List<Rendered> batch = paths.subList(start, Math.min(paths.size(), start + 1000)).parallelStream()
                    .map(path -> render(publisher, garden, path)).flatMap(Optional::stream).toList();
            for (Rendered rendered : batch) {
                GardenPublisher.Page page = rendered.page();
                if (format == Format.markdown) {
                    writer.write("src/site/notes/" + page.notePath(), page.markdown());
                } else {
                    String html = GardenLayout.page(page.title(), "Home", rendered.html());
                    writer.write(pageFile(page.permalink()), html);
                    if (garden.home().filter(page.notePath()::equals).isPresent()) writer.write("index.html", html);
                    titles.put(org.vaultgraph.render.LinkAddresses.encodeUri(page.permalink()), page.title());
                }
                attachments.addAll(rendered.attachments());
                for (String warning : page.warnings()) if (!options.quiet) err.println(warning);
                for (String error : page.errors()) {
                    err.println(error);
                    failed++;
                }
            }
        }
        if (format == Format.html && garden.home().isEmpty()) writer.write("index.html", GardenLayout.index("Home", titles));
        String attachmentFolder = format == Format.markdown ? "src/site/" : "";
        int copied = 0;
        for (String attachment : attachments) {
            Optional<byte[]> bytes = VaultFiles.read(argument.vault, attachment);
            if (bytes.isEmpty()) {
                err.println(attachment + ": not copied: no such file in the vault (or it is a symbolic link)");
                continue;
            }
            writer.write(attachmentFolder + SiteAddresses.attachmentFile(attachment), bytes.get());
            copied++;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        err.println(String.format(java.util.Locale.ROOT, "published %d pages and %d attachments to %s in %.1f s, the vault read in %.1f s (%d files written, %d already up to date)%s%s",
                paths.size(), copied, out, seconds, loadSeconds, writer.written, writer.unchanged,
                garden.skipped().isEmpty() ? "" : "; " + garden.skipped().size() + " notes left out",
                failed > 0 ? "; " + failed + " queries failed" : ""));
        int exit = failed > 0 ? 1 : 0;
        if (checkLinks) {
            SiteCheck.Report report = SiteCheck.check(root);
            for (SiteCheck.Broken broken : report.broken()) err.println(broken.page() + ": broken link: " + broken.link());
            err.println("checked " + report.links() + " links in " + report.pages() + " pages: " + report.broken().size() + " broken");
            if (!report.broken().isEmpty()) exit = 1;
        }
        err.flush();
        return exit;
    }

    /** A page with its HTML and the attachments both show. */
    private record Rendered(GardenPublisher.Page page, String html, List<String> attachments) {}

    private Optional<Rendered> render(GardenPublisher publisher, GardenNotes garden, String path) {
        SiteAddresses addresses = new SiteAddresses(garden, publisher.files());
        Optional<GardenPublisher.Page> page = publisher.page(path, garden, links == Links.permalinks ? addresses : null, format == Format.html);
        if (page.isEmpty()) return Optional.empty();
        String html = format == Format.html ? publisher.html(page.get(), addresses) : null;
        List<String> shown = new ArrayList<>(page.get().attachments());
        if (format == Format.html) shown.addAll(addresses.attachments());
        return Optional.of(new Rendered(page.get(), html, shown));
    }

    /** The file of a page at a permalink: its folder's index.html. */
    private static String pageFile(String permalink) {
        String p = permalink.replaceAll("^/+", "");
        return (p.isEmpty() || p.endsWith("/") ? p : p + "/") + "index.html";
    }

    /** Writes files under the site's folder, and only there; a file already as it should be is left alone. */
    private static final class Writer {
        private final Path root;
        int written;
        int unchanged;

        Writer(Path root) {
            this.root = root;
        }

        void write(String relative, String text) throws IOException {
            write(relative, text.getBytes(StandardCharsets.UTF_8));
        }

        void write(String relative, byte[] bytes) throws IOException {
            Path file = root.resolve(relative).normalize();
            if (!file.startsWith(root) || file.equals(root)) throw new CommandFailure("refusing to write outside " + root + ": " + relative);
            // A page that is already as it should be is left alone, so that a site generator sees only real changes.
            if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
                unchanged++;
                return;
            }
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            written++;
        }
    }
}
