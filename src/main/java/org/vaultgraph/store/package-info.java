/**
 * Keeps a vault's graph in a dataset, in memory or in TDB2 on disk, and in step with the vault as
 * its files change.
 */
package org.vaultgraph.store;
