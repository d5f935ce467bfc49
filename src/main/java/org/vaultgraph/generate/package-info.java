/**
 * Writes synthetic research vaults shaped like the sample vault, the same for the same size and seed.
 */
package org.vaultgraph.generate;
