/**
 * Reads a vault folder into notes: front matter, links, tags, fields, lists and tasks, as Obsidian
 * and Dataview read them, with bounded memory per note and every problem named with file and line.
 */
package org.vaultgraph.vault;
