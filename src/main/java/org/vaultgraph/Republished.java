package org.vaultgraph;

import java.util.List;

/**
 * What publishing did after an edit of the vault (see {@link VaultGraph#publish(Publishing, java.util.function.Consumer, java.util.function.Consumer)}).
 *
 * @param change   what the edit changed in the graph, and what of it could not be read as written
 * @param pages    the pages the garden has now
 * @param rendered the notes whose pages were rendered again, in path order: the edited notes, and those whose text or answers the edit could change
 * @param removed  the notes no longer published, whose pages were deleted
 * @param written  files written (pages, index, attachments); a page rendered again as it was is not written
 * @param deleted  files deleted: pages no longer published, attachments no page shows any more
 * @param warnings what the pages rendered again leave as written, each with its note
 * @param errors   the queries of those pages that could not be rendered, each with its note and line
 * @param missing  files those pages show that are not in the vault: not copied
 * @param millis   how long it took after the graph had changed
 */
public record Republished(VaultGraph.Change change, int pages, List<String> rendered, List<String> removed, int written, int deleted, List<String> warnings,
                          List<String> errors, List<String> missing, long millis) {}
