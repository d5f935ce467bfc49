package org.vaultgraph.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.vaultgraph.query.QueryTemplate;
import org.vaultgraph.query.SparqlService;
import org.vaultgraph.rdf.IriMinter;
import org.vaultgraph.rdf.VG;

/**
 * Which notes a Digital Garden holds and where each one lives: the notes whose front matter says
 * {@code dg-publish: true} (or every note, when the whole vault is published), each at its permalink
 * as the plugin computes it ({@code dg-permalink}, else {@code dg-path}, else the vault path, slugified),
 * the {@code dg-home} note also at {@code /}. Every other note is skipped with the reason.
 *
 * <pre>{@code
 * GardenNotes garden = GardenNotes.select(sparql, iris, false);
 * garden.permalink("Research/Tags/L4-L5.md"); // Optional["/research/tags/l4-l5/"]
 * garden.skipped();                            // [Skipped("Research/Insights/a.md", "no 'dg-publish' in its front matter")]
 * }</pre>
 */
public final class GardenNotes {
    /** A note left out of the garden, and why. */
    public record Skipped(String path, String reason) {}

    private final Map<String, String> permalinks;
    private final String home;
    private final Set<String> keptPrivate;
    private final List<Skipped> skipped;
    private final boolean everything;
    // Told each note a page asks about (null: nobody listens), so that an edit re-renders only the pages that asked.
    private final PageReads reads;
    // What the garden was decided from, to decide it again after an edit of a few notes.
    private final TreeMap<String, Keys> keys;
    private final boolean all;
    private final Map<String, Candidate> candidates;

    private GardenNotes(Map<String, String> permalinks, String home, Set<String> keptPrivate, List<Skipped> skipped, boolean everything,
                        PageReads reads, TreeMap<String, Keys> keys, boolean all, Map<String, Candidate> candidates) {
        this.permalinks = permalinks;
        this.home = home;
        this.keptPrivate = keptPrivate;
        this.skipped = skipped;
        this.everything = everything;
        this.reads = reads;
        this.keys = keys;
        this.all = all;
        this.candidates = candidates;
    }

    /** The same garden, telling {@code reads} of every note asked about. */
    public GardenNotes readBy(PageReads reads) {
        return new GardenNotes(permalinks, home, keptPrivate, skipped, everything, reads, keys, all, candidates);
    }

    /**
     * The notes whose place in the garden differs between this garden and {@code other}: published or
     * not, permalink, may be embedded or not, home or not.
     */
    public Set<String> differences(GardenNotes other) {
        Set<String> out = new java.util.TreeSet<>();
        permalinks.forEach((path, permalink) -> {
            if (!permalink.equals(other.permalinks.get(path))) out.add(path);
        });
        other.permalinks.forEach((path, permalink) -> {
            if (!permalink.equals(permalinks.get(path))) out.add(path);
        });
        for (String path : keptPrivate) if (!other.keptPrivate.contains(path)) out.add(path);
        for (String path : other.keptPrivate) if (!keptPrivate.contains(path)) out.add(path);
        if (!java.util.Objects.equals(home, other.home)) {
            if (home != null) out.add(home);
            if (other.home != null) out.add(other.home);
        }
        return out;
    }

    private void asked(String path) {
        if (reads != null) reads.askedWhere(path);
    }

    /**
     * Every note is in the garden and may be embedded, without permalinks: the local server, whose
     * pages are the notes' own addresses.
     */
    public static GardenNotes everyNote() {
        return new GardenNotes(Map.of(), null, Set.of(), List.of(), true, null, new TreeMap<>(), true, Map.of());
    }

    /**
     * Reads the notes' publishing keys from the graph.
     *
     * @param all publish every note, whatever its front matter says (its {@code dg-publish: false} included)
     */
    public static GardenNotes select(SparqlService sparql, IriMinter iris, boolean all) {
        return decide(keys(sparql, iris, null), all, Map.of());
    }

    /** The garden after an edit of these vault paths: their publishing keys read again, every other note's kept. */
    public GardenNotes after(SparqlService sparql, IriMinter iris, Set<String> changed) {
        if (everything) return this;
        TreeMap<String, Keys> next = new TreeMap<>(keys);
        changed.forEach(next::remove);
        next.putAll(keys(sparql, iris, changed));
        return decide(next, all, candidates);
    }

    /** The publishing keys of every note, or of the notes at some paths; in path order. */
    private static TreeMap<String, Keys> keys(SparqlService sparql, IriMinter iris, Set<String> only) {
        String values = only == null ? "" : QueryTemplate.values("path", only.stream().map(NodeFactory::createLiteralString).toList());
        String q = "PREFIX vg: <" + VG.NS + ">\n"
                + "SELECT ?path ?publish ?permalink ?dgpath ?home WHERE { " + values + "?note a vg:Note ; vg:path ?path "
                + optional(iris, "publish", "dg-publish") + optional(iris, "permalink", "dg-permalink")
                + optional(iris, "dgpath", "dg-path") + optional(iris, "home", "dg-home") + "}";
        Map<String, Node[]> read = new HashMap<>();
        sparql.select(QueryFactory.create(q)).forEachRemaining(row -> {
            Node[] keys = read.computeIfAbsent(row.get("path").getLiteralLexicalForm(), p -> new Node[4]);
            String[] variables = {"publish", "permalink", "dgpath", "home"};
            for (int i = 0; i < 4; i++) if (keys[i] == null) keys[i] = row.get(variables[i]);
        });
        TreeMap<String, Keys> out = new TreeMap<>();
        read.forEach((path, k) -> out.put(path, new Keys(k[0], k[1], k[2], k[3])));
        return out;
    }

    /**
     * Which notes are published at which permalinks, from their keys in path order; {@code known} holds
     * permalinks worked out before, by path and keys, which are the same when the keys are.
     */
    private static GardenNotes decide(TreeMap<String, Keys> notes, boolean all, Map<String, Candidate> known) {
        Map<String, String> permalinks = new LinkedHashMap<>();
        Map<String, String> byPermalink = new HashMap<>();
        Map<String, Candidate> candidates = new HashMap<>();
        Set<String> keptPrivate = new HashSet<>();
        List<Skipped> skipped = new ArrayList<>();
        String home = null;
        // The plugin orders notes by path; a permalink two notes share goes to the first.
        for (Map.Entry<String, Keys> note : notes.entrySet()) {
            String path = note.getKey();
            Keys keys = note.getValue();
            if (isFalse(keys.publish())) keptPrivate.add(path);
            if (!all) {
                String reason = notPublishedBecause(keys.publish());
                if (reason != null) {
                    skipped.add(new Skipped(path, reason));
                    continue;
                }
            }
            if (path.toLowerCase(java.util.Locale.ROOT).endsWith(".excalidraw.md")) {
                skipped.add(new Skipped(path, "an Excalidraw drawing, which vaultgraph does not draw"));
                continue;
            }
            Candidate before = known.get(path);
            Candidate candidate = before != null && before.keys().equals(keys) ? before
                    : new Candidate(keys, permalinkOf(path, text(keys.permalink()), text(keys.dgPath())));
            candidates.put(path, candidate);
            String permalink = candidate.permalink();
            String taken = byPermalink.putIfAbsent(permalink, path);
            if (taken != null && text(keys.permalink()) == null) {
                // Two names whose slugs are alike (letters the slug drops): the later one keeps its path as written.
                String asWritten = "/" + path.substring(0, path.length() - 3) + "/";
                if (byPermalink.putIfAbsent(asWritten, path) == null) {
                    permalink = asWritten;
                    taken = null;
                }
            }
            if (taken != null) {
                skipped.add(new Skipped(path, "its permalink " + permalink + " is " + taken + "'s"));
                continue;
            }
            permalinks.put(path, permalink);
            if (home == null && isTrue(keys.home())) home = path;
        }
        if (all) keptPrivate.clear();
        return new GardenNotes(permalinks, home, keptPrivate, skipped, false, null, notes, all, candidates);
    }

    private static String optional(IriMinter iris, String variable, String key) {
        return "OPTIONAL { ?note <" + iris.field(key) + "> ?" + variable + " } ";
    }

    /** A note's publishing keys as its front matter writes them (null when absent). */
    private record Keys(Node publish, Node permalink, Node dgPath, Node home) {}

    /** A note's own permalink, before another note may have taken it. */
    private record Candidate(Keys keys, String permalink) {}

    private static boolean isTrue(Node value) {
        return value != null && value.isLiteral() && value.getLiteralDatatypeURI().endsWith("#boolean") && value.getLiteralLexicalForm().equals("true");
    }

    private static boolean isFalse(Node value) {
        return value != null && value.isLiteral() && value.getLiteralDatatypeURI().endsWith("#boolean") && value.getLiteralLexicalForm().equals("false");
    }

    /** Why a note with this {@code dg-publish} value stays private, or null when it is published. */
    private static String notPublishedBecause(Node publish) {
        if (publish == null) return "no 'dg-publish: true' in its front matter";
        if (isTrue(publish)) return null;
        if (isFalse(publish)) return "its front matter says 'dg-publish: false'";
        String written = publish.isLiteral() ? publish.getLiteralLexicalForm() : publish.toString();
        return "'dg-publish' is \"" + written + "\", not true";
    }

    private static String text(Node value) {
        if (value == null || !value.isLiteral()) return null;
        String s = value.getLiteralLexicalForm().strip();
        return s.isEmpty() ? null : s;
    }

    /**
     * The plugin's permalink of a note: {@code dg-permalink} with a slash added at each end; else
     * {@code dg-path} (or the vault path) without extension, each segment slugified, ending in a slash
     * (a segment whose slug is empty kept as written).
     */
    public static String permalinkOf(String notePath, String dgPermalink, String dgPath) {
        if (dgPermalink != null) {
            String p = dgPermalink.startsWith("/") ? dgPermalink : "/" + dgPermalink;
            return p.endsWith("/") ? p : p + "/";
        }
        String path = dgPath != null ? dgPath : notePath;
        int dot = path.lastIndexOf('.');
        String withoutExtension = dot < 0 ? path : path.substring(0, dot);
        StringBuilder out = new StringBuilder("/");
        for (String segment : withoutExtension.split("/", -1)) {
            String slug = Slugify.slug(segment);
            // A name in a script the slug drops (Chinese, Japanese...) keeps its letters; the plugin's slug would be empty.
            out.append(slug.isEmpty() && !segment.isBlank() ? segment.strip() : slug).append('/');
        }
        return out.toString();
    }

    /** Whether the note at this vault path is in the garden. */
    public boolean isPublished(String path) {
        asked(path);
        return everything || permalinks.containsKey(path);
    }

    /** Whether a published page may show this note's text: not when its front matter says {@code dg-publish: false}. */
    public boolean mayEmbed(String path) {
        asked(path);
        return !keptPrivate.contains(path);
    }

    /** The note's permalink, when it is published. */
    public Optional<String> permalink(String path) {
        asked(path);
        return Optional.ofNullable(permalinks.get(path));
    }

    /** The {@code dg-home} note among the published ones, if any. */
    public Optional<String> home() {
        return Optional.ofNullable(home);
    }

    /** The published notes and their permalinks, in path order. */
    public Map<String, String> permalinks() {
        return permalinks;
    }

    /** The notes left out, in path order, with their reasons. */
    public List<Skipped> skipped() {
        return skipped;
    }
}
