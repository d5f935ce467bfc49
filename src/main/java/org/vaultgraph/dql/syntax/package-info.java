/**
 * Parses Dataview queries and expressions with Dataview's grammar into a syntax tree.
 */
package org.vaultgraph.dql.syntax;
