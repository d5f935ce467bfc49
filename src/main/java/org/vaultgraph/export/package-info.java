/**
 * Sends the graph out of vaultgraph: RDF and graph-explorer files (streamed from the vault's files
 * where the format allows), and pushes to a shared SPARQL store through the Graph Store Protocol.
 */
package org.vaultgraph.export;
