/**
 * Serves a vault's graph over HTTP with embedded Apache Jena Fuseki: SPARQL, dereferenceable IRIs by
 * content negotiation, pages, and the limits and checks that keep the server safe.
 */
package org.vaultgraph.server;
