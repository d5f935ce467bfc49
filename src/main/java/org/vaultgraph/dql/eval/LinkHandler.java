package org.vaultgraph.dql.eval;

import org.vaultgraph.dql.value.Value;

/**
 * What expressions need to know about the vault's links, seen from the note a query runs in:
 * Obsidian's link resolution, and the page a link leads to.
 */
public interface LinkHandler {
    /** The page a link path leads to, as a query sees pages; null when it leads nowhere. */
    Value.Obj resolve(String path);

    /** The vault path a link path names; the path unchanged when no file has it. */
    String normalize(String path);

    /** Whether a link path names a file of the vault. */
    boolean exists(String path);
}
