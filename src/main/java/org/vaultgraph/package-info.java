/**
 * The Java API: {@link org.vaultgraph.VaultGraph} reads a vault into a graph and queries, exports,
 * publishes and serves it; the types here are what its operations give. Every other package is the
 * machinery behind it and may change without notice.
 */
package org.vaultgraph;
