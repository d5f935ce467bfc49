package org.vaultgraph;

import java.util.List;

/**
 * What publishing wrote.
 *
 * @param pages      the pages published
 * @param written    how many of them were written (the others were already as they should be)
 * @param kept       the notes with a dataview block that do not say {@code dg-publish: true}: never written
 * @param errors     the queries that could not be rendered, each with its note and line
 */
public record Published(int pages, int written, List<String> kept, List<String> errors) {}
