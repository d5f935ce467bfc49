package org.vaultgraph.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.mem2.GraphMem2Fast;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.TxnType;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.sparql.core.DatasetGraphCollection;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.TransactionalLock;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.WrappedIterator;

/**
 * A dataset in memory for a vault's graph: one small graph per note and, as the default graph, the
 * union of them all kept ready (indexed), so that queries over the whole vault cost what they would
 * on a single graph. About ten times faster to load than TDB2 in memory, and lighter.
 *
 * <pre>{@code DatasetGraph dataset = new MemoryDataset(); // then as any DatasetGraph, in transactions}</pre>
 *
 * A note's graph keeps the triples whose subject is the note or one of its fragments ({@code
 * <note>#link-1}) as its own: the mapper writes those in that note's graph only. Other triples (a
 * tag's type, a field property's label) may be written by many notes and are counted, so the union
 * keeps them while any note has them. Transactions are a multiple-reader, single-writer lock:
 * readers wait while a sync writes, and an aborted write is not rolled back (the sync prepares every
 * note before it writes it).
 */
final class MemoryDataset extends DatasetGraphCollection {
    static {
        // Jena must initialise before its graph classes are first used.
        org.apache.jena.sys.JenaSystem.init();
    }

    private final Graph union = new GraphMem2Fast();
    private final Map<Node, NoteGraph> graphs = new LinkedHashMap<>();
    private final Map<Triple, Integer> sharedCounts = new HashMap<>();
    private final TransactionalLock lock = TransactionalLock.createMRSW();
    private final PrefixMap prefixes = PrefixMapFactory.create();

    @Override
    public Iterator<Node> listGraphNodes() {
        return List.copyOf(graphs.keySet()).iterator();
    }

    /** The union of every note's graph. */
    @Override
    public Graph getDefaultGraph() {
        return union;
    }

    @Override
    public Graph getUnionGraph() {
        return union;
    }

    @Override
    public Graph getGraph(Node graphNode) {
        if (Quad.isDefaultGraph(graphNode) || Quad.isUnionGraph(graphNode)) return union;
        NoteGraph graph = graphs.get(graphNode);
        // A graph asked for by name exists from then on, as in Jena's other datasets; it stays empty until written.
        return graph != null ? graph : new NoteGraph(graphNode);
    }

    @Override
    public boolean containsGraph(Node graphNode) {
        return graphs.containsKey(graphNode);
    }

    @Override
    public void addGraph(Node graphName, Graph graph) {
        removeGraph(graphName);
        NoteGraph target = new NoteGraph(graphName);
        graph.find().forEachRemaining(target::add);
    }

    @Override
    public void removeGraph(Node graphName) {
        NoteGraph graph = graphs.remove(graphName);
        if (graph == null) return;
        for (Triple t : graph.owned) union.delete(t);
        for (Triple t : graph.shared) releaseShared(t);
    }

    @Override
    public void add(Quad quad) {
        if (quad.isDefaultGraph()) throw new UnsupportedOperationException("the default graph is the union of the notes' graphs; add to a note's graph");
        getGraph(quad.getGraph()).add(quad.asTriple());
    }

    @Override
    public void delete(Quad quad) {
        if (quad.isDefaultGraph()) throw new UnsupportedOperationException("the default graph is the union of the notes' graphs; delete from a note's graph");
        NoteGraph graph = graphs.get(quad.getGraph());
        if (graph != null) graph.delete(quad.asTriple());
    }

    /** Every stored quad, each in its note's graph: the union is a view, not stored quads (as with TDB2's union default graph). */
    @Override
    public Iterator<Quad> find(Node g, Node s, Node p, Node o) {
        if (g == null || g == Node.ANY) return findInAnyNamedGraphs(s, p, o);
        return super.find(g, s, p, o);
    }

    @Override
    public Iterator<Quad> findNG(Node g, Node s, Node p, Node o) {
        if (g == null || g == Node.ANY) return findInAnyNamedGraphs(s, p, o);
        return super.findNG(g, s, p, o);
    }

    @Override
    public boolean contains(Node g, Node s, Node p, Node o) {
        return find(g, s, p, o).hasNext();
    }

    @Override
    public void clear() {
        graphs.clear();
        sharedCounts.clear();
        union.clear();
    }

    @Override
    public boolean isEmpty() {
        return graphs.isEmpty();
    }

    @Override
    public long size() {
        return graphs.size();
    }

    @Override
    public PrefixMap prefixes() {
        return prefixes;
    }

    /** Gives back what the notes' lists of triples reserved to grow: called once a load has written every note. */
    void trimToSize() {
        for (NoteGraph graph : graphs.values()) {
            graph.owned.trimToSize();
            graph.shared.trimToSize();
        }
    }

    private void holdShared(Triple t) {
        if (sharedCounts.merge(t, 1, Integer::sum) == 1) union.add(t);
    }

    private void releaseShared(Triple t) {
        Integer count = sharedCounts.get(t);
        if (count == null) return;
        if (count == 1) {
            sharedCounts.remove(t);
            union.delete(t);
        } else {
            sharedCounts.put(t, count - 1);
        }
    }

    /** One note's triples: the ones it alone writes (found through the union's indexes) and the shared ones. */
    private final class NoteGraph extends GraphBase {
        private final Node name;
        private final String fragments;
        private final TripleBag owned = new TripleBag();
        private final TripleBag shared = new TripleBag();

        NoteGraph(Node name) {
            this.name = name;
            this.fragments = name.isURI() ? name.getURI() + "#" : null;
        }

        private boolean owns(Triple t) {
            Node s = t.getSubject();
            return fragments != null && s.isURI() && (s.equals(name) || s.getURI().startsWith(fragments));
        }

        @Override
        public void performAdd(Triple t) {
            if (owns(t)) {
                if (union.contains(t)) return;
                owned.addNew(t); // not in the union, so not among this graph's own triples either
                union.add(t);
            } else {
                if (!shared.add(t)) return;
                holdShared(t);
            }
            graphs.putIfAbsent(name, this);
        }

        @Override
        public void performDelete(Triple t) {
            if (owns(t)) {
                if (owned.remove(t)) union.delete(t);
            } else if (shared.remove(t)) {
                releaseShared(t);
            }
            if (owned.isEmpty() && shared.isEmpty()) graphs.remove(name, this);
        }

        @Override
        protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
            List<Triple> out = new ArrayList<>();
            for (Triple t : owned) if (pattern.matches(t)) out.add(t);
            for (Triple t : shared) if (pattern.matches(t)) out.add(t);
            return WrappedIterator.create(out.iterator());
        }

        @Override
        protected int graphBaseSize() {
            return owned.size() + shared.size();
        }
    }

    /**
     * A set of triples kept as a list (four bytes a triple) until a lookup in a large one would be slow:
     * adding with a duplicate check, or removing, turns a list of over 64 triples into a hash set, so a
     * huge note stays linear. A note's own triples, added without a check, keep the list.
     */
    private static final class TripleBag implements Iterable<Triple> {
        private static final int SMALL = 64;
        private Collection<Triple> items = new ArrayList<>(8);

        boolean add(Triple t) {
            hashedWhenLarge();
            return items instanceof ArrayList ? !items.contains(t) && items.add(t) : items.add(t);
        }

        /** Adds a triple known not to be in the bag yet. */
        void addNew(Triple t) {
            items.add(t);
        }

        boolean remove(Triple t) {
            hashedWhenLarge();
            return items.remove(t);
        }

        void trimToSize() {
            if (items instanceof ArrayList<Triple> list) list.trimToSize();
        }

        private void hashedWhenLarge() {
            if (items instanceof ArrayList && items.size() > SMALL) items = new LinkedHashSet<>(items);
        }

        boolean isEmpty() {
            return items.isEmpty();
        }

        int size() {
            return items.size();
        }

        @Override
        public Iterator<Triple> iterator() {
            return items.iterator();
        }
    }

    // Transactions: a lock, many readers or one writer.

    @Override
    public boolean supportsTransactions() {
        return true;
    }

    @Override
    public boolean supportsTransactionAbort() {
        return false;
    }

    @Override
    public void begin(TxnType type) {
        lock.begin(type);
    }

    @Override
    public void begin(ReadWrite mode) {
        lock.begin(mode);
    }

    @Override
    public boolean promote(Promote mode) {
        return lock.promote(mode);
    }

    @Override
    public void commit() {
        lock.commit();
    }

    @Override
    public void abort() {
        lock.abort();
    }

    @Override
    public void end() {
        lock.end();
    }

    @Override
    public ReadWrite transactionMode() {
        return lock.transactionMode();
    }

    @Override
    public TxnType transactionType() {
        return lock.transactionType();
    }

    @Override
    public boolean isInTransaction() {
        return lock.isInTransaction();
    }
}
