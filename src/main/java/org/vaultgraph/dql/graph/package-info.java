/**
 * Reads Dataview's pages from the graph: finds a FROM clause's pages by index lookups and reads each
 * page back from its note's named graph as Dataview serialises pages.
 */
package org.vaultgraph.dql.graph;
