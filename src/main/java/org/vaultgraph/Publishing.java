package org.vaultgraph;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to publish a garden.
 *
 * <pre>{@code
 * graph.publish(Publishing.site(Path.of("site")).checkingLinks());
 * graph.publish(Publishing.markdown(Path.of("garden")).linkingVaultPaths()); // what the plugin uploads
 * }</pre>
 *
 * @param folder     where the garden is written
 * @param format     a static site, or the plugin's markdown files laid out as a garden repository holds them
 * @param links      where links of Dataview's results point
 * @param all        every note, whatever its front matter says (else only {@code dg-publish: true})
 * @param checkLinks after writing a site, check that every link of every page leads to a page or file of it
 */
public record Publishing(Path folder, Format format, Links links, boolean all, boolean checkLinks) {
    public enum Format { HTML, MARKDOWN }

    public enum Links { PERMALINKS, VAULT_PATHS }

    public Publishing {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(links, "links");
        if (checkLinks && format != Format.HTML) throw new IllegalArgumentException("checking links needs a site: use the html format");
    }

    /** A static site: one {@code <permalink>/index.html} per page, links to permalinks. */
    public static Publishing site(Path folder) {
        return new Publishing(folder, Format.HTML, Links.PERMALINKS, false, false);
    }

    /** The plugin's markdown files ({@code src/site/notes/<vault path>}). */
    public static Publishing markdown(Path folder) {
        return new Publishing(folder, Format.MARKDOWN, Links.PERMALINKS, false, false);
    }

    public Publishing linkingVaultPaths() {
        return new Publishing(folder, format, Links.VAULT_PATHS, all, checkLinks);
    }

    public Publishing everyNote() {
        return new Publishing(folder, format, links, true, checkLinks);
    }

    public Publishing checkingLinks() {
        return new Publishing(folder, format, links, all, true);
    }
}
