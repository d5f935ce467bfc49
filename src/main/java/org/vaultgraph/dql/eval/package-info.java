/**
 * Evaluates Dataview expressions: field lookups, operators and function calls, with Dataview's rules
 * for comparing and combining values.
 */
package org.vaultgraph.dql.eval;
