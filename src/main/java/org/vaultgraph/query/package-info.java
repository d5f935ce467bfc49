/**
 * SPARQL query files with parameters, the built-in queries, and one way to run a query on a local
 * dataset or a remote endpoint.
 */
package org.vaultgraph.query;
