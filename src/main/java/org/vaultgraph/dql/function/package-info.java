/**
 * Dataview's functions, by family (text, numbers, dates, lists, constructors...), each behaving as
 * Dataview 0.5.70's.
 */
package org.vaultgraph.dql.function;
