/**
 * Turns notes into RDF: each note's triples, in a named graph of its own, by the vault's mapping and
 * the ontology's terms.
 */
package org.vaultgraph.rdf;
