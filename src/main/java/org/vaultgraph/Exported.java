package org.vaultgraph;

import java.util.List;
import org.vaultgraph.vault.Problem;

/**
 * What an export wrote.
 *
 * @param notes      how many notes the graph holds
 * @param statements how many triples (or quads, for the formats with a graph per note) were written,
 *                   or -1 when the format does not count them (RDF/XML, GraphML, GEXF)
 * @param quads      whether the format keeps a named graph per note
 * @param problems   what the vault's files could not say as written
 * @param problemsNotKept how many more problems there were (counted, not kept)
 */
public record Exported(int notes, long statements, boolean quads, List<Problem> problems, long problemsNotKept) {}
