package org.vaultgraph.bases.eval;

import java.util.Collection;
import java.util.List;

/** Where a base's files come from: each file's facts, link resolution, and the files linking to a file. The graph is the usual source. */
public interface FileSource {
    /** The facts of the file at a vault path, or null when there is no file there. */
    FileFacts file(String path);

    /** Reads the facts of many files at once, ahead of {@link #file} calls. */
    default void prefetch(Collection<String> paths) {}

    /** The vault path a link text names, resolved as Obsidian resolves it from {@code fromPath}; null when nothing has it. */
    String resolve(String linkText, String fromPath);

    /** The paths of the notes that link to the file at {@code path}, sorted. */
    List<String> backlinks(String path);
}
