/**
 * Measures each step of vaultgraph on generated vaults, next to floors measured in the same run.
 */
package org.vaultgraph.bench;
