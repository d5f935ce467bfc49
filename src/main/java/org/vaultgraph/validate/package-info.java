/**
 * Checks a vault and says what to fix: notes that could not be read as written, links to nothing in
 * the vault, and the SHACL shapes of well-formed notes.
 */
package org.vaultgraph.validate;
