/**
 * Obsidian Bases on the vault's graph: the views of {@code .base} files and {@code ```base} blocks
 * (filters, formulas, properties, summaries; table, cards, list and map views) run as Obsidian's
 * help pages "Bases syntax", "Functions", "Formulas", "Views" and the layout pages specify them.
 *
 * <p>A view runs in two steps over the same graph, as Dataview queries do ({@code org.vaultgraph.dql}):
 * <ol>
 *   <li>One SPARQL query selects the view's candidate files ({@link org.vaultgraph.bases.graph.CandidateFiles}).
 *       Every part of the base's and the view's filters that the graph answers by an index is pushed
 *       into it: {@code file.inFolder}, {@code file.hasTag} (nested tags by {@code skos:broader}),
 *       {@code file.hasLink} of a file known before the view runs ({@code this.file} included),
 *       comparisons of {@code file.path}, {@code folder}, {@code name}, {@code basename} and
 *       {@code ext}, and a note property equal to a text, number or boolean. Each candidate's facts
 *       are then read back from its own named graph. {@code vaultgraph base --sparql} prints the query.</li>
 *   <li>An evaluator in Java ({@link org.vaultgraph.bases.eval}, {@link org.vaultgraph.bases.view})
 *       computes everything else exactly: the whole filter again, formulas (cycles refused when the
 *       base is read), every function of the Functions page, {@code this}, the note, file and
 *       formula properties, sort, group, limit and summaries.</li>
 * </ol>
 * Why two steps and not one query: the semantics of a base are JavaScript's and Obsidian's (truth of
 * empty lists, text that compares as a number, {@code toFixed} giving text, dates plus "1M" as a
 * calendar month, links equal when they name the same file, Moment.js formats, Luxon durations),
 * which SPARQL's own operators would only approximate; the candidates query keeps what SPARQL does
 * well, the index lookups, so that a view over a large vault reads only the files it may show. The
 * query only ever selects a superset of the files the filters keep (a {@code not} is pushed down
 * only over parts the graph answers exactly), so the evaluator's answer is the answer.
 *
 * <p>Subpackages by job: {@code syntax} reads a base (YAML, expressions, checks; it depends on
 * nothing else of vaultgraph, so the RDF mapper can read bases into the graph), {@code value} the
 * values and their rules, {@code eval} the evaluator and the functions by family, {@code view} a
 * view's rows, groups and summaries, {@code graph} the files read from the graph and the candidates
 * query. {@link org.vaultgraph.bases.BaseEngine} puts them together.
 */
package org.vaultgraph.bases;
