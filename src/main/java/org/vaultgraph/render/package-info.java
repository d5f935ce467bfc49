/**
 * Renders what the graph holds as people read it: Dataview's tables and lists in HTML and text, and
 * the Digital Garden pages of notes.
 */
package org.vaultgraph.render;
