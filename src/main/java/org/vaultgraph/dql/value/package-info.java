/**
 * Dataview's values (dates and durations like Luxon's, links, numbers written as JavaScript writes
 * them, text compared as Node's localeCompare) and how they compare and print.
 */
package org.vaultgraph.dql.value;
