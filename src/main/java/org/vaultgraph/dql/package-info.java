/**
 * Runs Dataview queries (DQL) as Dataview's own engine runs them: a query's pages come from a
 * {@link org.vaultgraph.dql.PageSource}, and each operation runs over them in order.
 */
package org.vaultgraph.dql;
