package org.vaultgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;

/**
 * The in-memory dataset keeps each note's triples as a list until a removal needs a lookup: a note
 * larger than that threshold, edited triple by triple and trimmed after a load, must still hold
 * exactly its triples, and the union exactly what some note holds.
 */
class MemoryDatasetTest {
    private static final Node NOTE = NodeFactory.createURI("https://example.org/note/big");
    private static final Node OTHER = NodeFactory.createURI("https://example.org/note/other");
    private static final Node LINKS_TO = NodeFactory.createURI("https://example.org/ns#linksTo");
    private static final Node LABEL = NodeFactory.createURI("https://example.org/ns#label");

    @Test
    void aLargeNoteEditedTripleByTripleHoldsExactlyItsTriples() {
        MemoryDataset dataset = new MemoryDataset();
        Set<Triple> own = new HashSet<>();
        Set<Triple> shared = new HashSet<>();
        Txn.executeWrite(dataset, () -> {
            for (int i = 0; i < 300; i++) {
                // Own triples: the note or one of its fragments is the subject.
                Node subject = i % 2 == 0 ? NOTE : NodeFactory.createURI(NOTE.getURI() + "#link-" + i);
                Triple t = Triple.create(subject, LINKS_TO, NodeFactory.createURI("https://example.org/note/n" + i));
                dataset.add(Quad.create(NOTE, t));
                dataset.add(Quad.create(NOTE, t)); // twice: kept once
                own.add(t);
                // Shared triples: written by this note and, for some, by another one too.
                Triple s = Triple.create(NodeFactory.createURI("https://example.org/tag/t" + i), LABEL, NodeFactory.createLiteralString("t" + i));
                dataset.add(Quad.create(NOTE, s));
                if (i % 3 == 0) dataset.add(Quad.create(OTHER, s));
                shared.add(s);
            }
            dataset.trimToSize();
        });
        Txn.executeWrite(dataset, () -> {
            for (int i = 0; i < 300; i += 4) {
                Triple t = Triple.create(NOTE, LINKS_TO, NodeFactory.createURI("https://example.org/note/n" + i));
                dataset.delete(Quad.create(NOTE, t));
                own.remove(t);
                Triple s = Triple.create(NodeFactory.createURI("https://example.org/tag/t" + i), LABEL, NodeFactory.createLiteralString("t" + i));
                dataset.delete(Quad.create(NOTE, s));
                if (i % 3 != 0) shared.remove(s); // still held by the other note
            }
        });
        Txn.executeRead(dataset, () -> {
            Set<Triple> expectedNote = new HashSet<>(own);
            for (Triple s : shared) if (noteStillHas(s)) expectedNote.add(s);
            assertEquals(expectedNote, Set.copyOf(dataset.getGraph(NOTE).find().toList()));
            Set<Triple> expectedUnion = new HashSet<>(own);
            expectedUnion.addAll(shared);
            assertEquals(expectedUnion, Set.copyOf(dataset.getDefaultGraph().find().toList()));
        });
        Txn.executeWrite(dataset, () -> dataset.removeGraph(NOTE));
        Txn.executeRead(dataset, () -> {
            Set<Triple> left = new HashSet<>();
            for (int i = 0; i < 300; i += 3) {
                left.add(Triple.create(NodeFactory.createURI("https://example.org/tag/t" + i), LABEL, NodeFactory.createLiteralString("t" + i)));
            }
            assertEquals(left, Set.copyOf(dataset.getDefaultGraph().find().toList()));
        });
    }

    /** The big note deleted the shared triple of every fourth tag. */
    private static boolean noteStillHas(Triple shared) {
        String tag = shared.getSubject().getURI();
        int i = Integer.parseInt(tag.substring(tag.lastIndexOf("/t") + 2));
        return i % 4 != 0;
    }
}
