/**
 * The {@code vaultgraph} command line: one picocli command per operation of {@link org.vaultgraph.VaultGraph},
 * turning options into its calls and its answers and failures into lines and exit codes.
 */
package org.vaultgraph.cli;
