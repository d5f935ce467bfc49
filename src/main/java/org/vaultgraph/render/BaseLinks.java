package org.vaultgraph.render;

import java.util.Optional;

/**
 * Where the files a base view shows live on a site: a note's page and title, an image's address.
 * The published garden and the local server place them differently.
 */
public interface BaseLinks {
    /** A file's page: its address and the title links show. */
    record Target(String href, String title) {}

    /** The page of the file at a vault path; empty when the site has no page for it (not published, or no such file). */
    Optional<Target> page(String path);

    /** The address an image of the vault is served at. */
    String image(String path);

    /** The vault path a link text names from the file the base is written in; null when nothing has it. */
    String resolve(String linkText);

    /** Whether the vault has a file at this path. */
    boolean exists(String path);

    /** Whether a link to a file without a page is shown as text (true) or, as the garden site does, as a link to its 404 page. */
    default boolean deadLinksAsText() {
        return false;
    }
}
