package org.vaultgraph.rdf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.vaultgraph.vault.FieldNames;

/**
 * What a vault's notes mean: which notes are insights, therapies, anatomy, outcomes or sources, and
 * which fields hold an insight's statement and source. Read from {@code .vaultgraph.yaml} at the
 * vault root, which a user edits for their own vault; see the sample vault's file for every key.
 *
 * <pre>{@code
 * Mapping mapping = Mapping.forVault(Path.of("data/vault")); // the vault's file, or the defaults
 * mapping.classRules();
 * }</pre>
 *
 * @param base          the IRI under which every resource of the vault is minted
 * @param classRules    rules giving notes their classes; every rule that matches adds its class
 * @param fileClassField canonical name of the field naming a note's Metadata Menu fileClass
 * @param fileClassFolder folder of fileClass notes ("" to find them by name anywhere)
 * @param iconField     canonical name of a fileClass note's icon field
 * @param statementField canonical name of the field holding an insight's sentence
 * @param sourceField   canonical name of the field linking an insight to its source
 * @param createdFields canonical names of front matter dates that give a note's creation time
 * @param modifiedFields canonical names of front matter dates that give a note's modification time
 * @param properties    canonical field name to the IRI of a standard property it also maps to
 * @param includeContent whether each note's full text goes into the graph
 * @param baseWritten   whether the base was chosen (in the file, or with {@link #withBase}); else it is the
 *                      default, which a server replaces with its own address
 */
public record Mapping(String base, List<ClassRule> classRules, String fileClassField, String fileClassFolder,
                      String iconField, String statementField, String sourceField, List<String> createdFields,
                      List<String> modifiedFields, Map<String, String> properties, boolean includeContent,
                      boolean baseWritten) {

    /** The base IRI when none is chosen: the address {@code serve} listens on by default. */
    public static final String DEFAULT_BASE = "http://127.0.0.1:3030/";

    /** The name of the mapping file at a vault's root. */
    public static final String FILE_NAME = ".vaultgraph.yaml";

    /**
     * Gives a class to the notes that meet every condition it states.
     *
     * @param classIri the class to give
     * @param folder   the note is in this folder or below ("" for no condition)
     * @param field    canonical name of a field the note must have ("" for no condition)
     * @param value    the value that field must have, compared case-insensitively (null: any value)
     * @param tag      a tag the note must have, or a tag below it ("" for no condition)
     */
    public record ClassRule(String classIri, String folder, String field, String value, String tag) {}

    static final Map<String, String> PREFIXES = Map.of(
            "vg", VG.NS,
            "dcterms", VG.DCTERMS,
            "skos", VG.SKOS,
            "schema", "https://schema.org/",
            "foaf", "http://xmlns.com/foaf/0.1/",
            "prov", "http://www.w3.org/ns/prov#",
            "rdfs", "http://www.w3.org/2000/01/rdf-schema#",
            "bibo", "http://purl.org/ontology/bibo/");

    private static final Set<String> TOP_KEYS = Set.of("base", "classes", "fileClass", "insight", "timestamps",
            "properties", "content");

    /** The mapping of the vault at {@code root}: its {@value #FILE_NAME}, or the built-in defaults. */
    public static Mapping forVault(Path root) {
        Path file = root.resolve(FILE_NAME);
        return Files.isRegularFile(file) ? load(file) : defaults();
    }

    /** The built-in mapping, for vaults without a mapping file. */
    public static Mapping defaults() {
        try (InputStream in = Mapping.class.getResourceAsStream("default-mapping.yaml")) {
            if (in == null) throw new IllegalStateException("default-mapping.yaml is missing from the build");
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "default-mapping.yaml", null);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the built-in mapping", e);
        }
    }

    public static Mapping load(Path file) {
        try {
            return parse(Files.readString(file), file.toString(), defaults());
        } catch (IOException e) {
            throw new MappingException(file + ": cannot be read: " + e.getMessage());
        }
    }

    /** A digest of everything this mapping decides: two mappings with the same fingerprint map a vault alike. */
    public String fingerprint() {
        StringBuilder out = new StringBuilder(base).append('\n');
        for (ClassRule rule : classRules) out.append(rule).append('\n');
        out.append(fileClassField).append('\n').append(fileClassFolder).append('\n').append(iconField).append('\n')
                .append(statementField).append('\n').append(sourceField).append('\n').append(createdFields).append('\n')
                .append(modifiedFields).append('\n').append(new java.util.TreeMap<>(properties)).append('\n').append(includeContent);
        return org.vaultgraph.vault.VaultReader.sha256(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A copy with another base IRI. */
    public Mapping withBase(String newBase) {
        return new Mapping(checkBase(newBase, "--base", 0), classRules, fileClassField, fileClassFolder, iconField,
                statementField, sourceField, createdFields, modifiedFields, properties, includeContent, true);
    }

    /** Parses a mapping file; a top-level section it leaves out keeps {@code fallback}'s (when given). */
    static Mapping parse(String yaml, String source, Mapping fallback) {
        Node root;
        try {
            Optional<Node> composed = new Compose(LoadSettings.builder().setSchema(new CoreSchema()).build()).composeString(yaml);
            if (composed.isEmpty()) throw new MappingException(source + ": the mapping file is empty");
            root = composed.get();
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
            throw new MappingException(source + ":" + line + ": not valid YAML: " + e.getMessage().strip().split("\n")[0]);
        } catch (YamlEngineException e) {
            throw new MappingException(source + ": not valid YAML: " + e.getMessage());
        }
        Reader r = new Reader(source);
        Map<String, Node> top = r.mapping(root, "the mapping file", TOP_KEYS);
        String base = checkBase(r.text(top.get("base"), DEFAULT_BASE), source, r.line(top.get("base")));

        Map<String, Node> fileClass = r.mapping(top.get("fileClass"), "fileClass", Set.of("field", "folder", "icon"));
        String fileClassField = FieldNames.canonicalize(r.text(fileClass.get("field"), "fileClass"));
        List<ClassRule> rules = new ArrayList<>();
        for (Node ruleNode : r.list(top.get("classes"))) {
            Map<String, Node> rule = r.mapping(ruleNode, "a class rule", Set.of("class", "folder", "field", "equals", "tag", "fileClass"));
            if (!rule.containsKey("class")) throw r.error(ruleNode, "a class rule needs 'class:' (e.g. class: Therapy)");
            String field = FieldNames.canonicalize(r.text(rule.get("field"), ""));
            String value = rule.containsKey("equals") ? r.text(rule.get("equals"), "") : null;
            if (rule.containsKey("fileClass")) {
                if (!field.isEmpty()) throw r.error(ruleNode, "a class rule takes 'fileClass:' or 'field:', not both");
                field = fileClassField;
                value = r.text(rule.get("fileClass"), "");
            }
            rules.add(new ClassRule(r.iri(rule.get("class"), "class"), trimSlashes(r.text(rule.get("folder"), "")),
                    field, value, r.text(rule.get("tag"), "").replaceFirst("^#", "")));
        }

        Map<String, Node> insight = r.mapping(top.get("insight"), "insight", Set.of("statement", "source"));
        Map<String, Node> timestamps = r.mapping(top.get("timestamps"), "timestamps", Set.of("created", "modified"));
        Map<String, String> properties = new LinkedHashMap<>();
        r.mapping(top.get("properties"), "properties", null)
                .forEach((key, node) -> properties.put(FieldNames.canonicalize(key), r.iri(node, "property")));

        Mapping parsed = new Mapping(base, List.copyOf(rules), fileClassField,
                trimSlashes(r.text(fileClass.get("folder"), "")),
                FieldNames.canonicalize(r.text(fileClass.get("icon"), "icon")),
                FieldNames.canonicalize(r.text(insight.get("statement"), "insight")),
                FieldNames.canonicalize(r.text(insight.get("source"), "source")),
                r.names(timestamps.get("created"), List.of("created")),
                r.names(timestamps.get("modified"), List.of("updated", "modified")),
                Map.copyOf(properties),
                !r.text(top.get("content"), "true").equalsIgnoreCase("false"),
                top.containsKey("base"));
        return fallback == null ? parsed : parsed.withSectionsFrom(fallback, top.keySet());
    }

    /** This mapping with {@code fallback}'s values for the top-level sections not in {@code written}. */
    private Mapping withSectionsFrom(Mapping fallback, Set<String> written) {
        boolean fc = written.contains("fileClass");
        boolean ins = written.contains("insight");
        boolean ts = written.contains("timestamps");
        return new Mapping(base,
                written.contains("classes") ? classRules : fallback.classRules,
                fc ? fileClassField : fallback.fileClassField,
                fc ? fileClassFolder : fallback.fileClassFolder,
                fc ? iconField : fallback.iconField,
                ins ? statementField : fallback.statementField,
                ins ? sourceField : fallback.sourceField,
                ts ? createdFields : fallback.createdFields,
                ts ? modifiedFields : fallback.modifiedFields,
                written.contains("properties") ? properties : fallback.properties,
                written.contains("content") ? includeContent : fallback.includeContent,
                baseWritten);
    }

    private static String checkBase(String base, String source, int line) {
        if (!base.matches("https?://[^\\s<>\"{}|\\\\^`]+/")) {
            throw new MappingException(source + (line > 0 ? ":" + line : "") + ": base must be an http(s) IRI ending in '/', found '" + base + "'");
        }
        return base;
    }

    private static String trimSlashes(String folder) {
        return folder.replaceAll("^/+|/+$", "");
    }

    /** Reads typed values out of YAML nodes, with the file and line in every error. */
    private record Reader(String source) {
        Map<String, Node> mapping(Node node, String what, Set<String> allowed) {
            Map<String, Node> out = new LinkedHashMap<>();
            if (node == null) return out;
            if (!(node instanceof MappingNode mapping)) throw error(node, what + " should be 'key: value' lines");
            for (NodeTuple tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
                if (allowed != null && !allowed.contains(key)) {
                    throw error(tuple.getKeyNode(), "unknown key '" + key + "' in " + what + "; expected one of " + new java.util.TreeSet<>(allowed));
                }
                out.put(key, tuple.getValueNode());
            }
            return out;
        }

        List<Node> list(Node node) {
            if (node == null) return List.of();
            if (node instanceof SequenceNode sequence) return sequence.getValue();
            throw error(node, "expected a list ('- ...' lines)");
        }

        String text(Node node, String fallback) {
            if (node == null) return fallback;
            if (node instanceof ScalarNode scalar) return scalar.getValue().strip();
            throw error(node, "expected a single value");
        }

        List<String> names(Node node, List<String> fallback) {
            if (node == null) return fallback;
            if (node instanceof ScalarNode) return List.of(FieldNames.canonicalize(text(node, "")));
            return list(node).stream().map(n -> FieldNames.canonicalize(text(n, ""))).toList();
        }

        /** A full IRI, a prefixed name (dcterms:title) or a bare vaultgraph term (Therapy). */
        String iri(Node node, String what) {
            String value = text(node, "");
            if (value.startsWith("http://") || value.startsWith("https://")) return value;
            int colon = value.indexOf(':');
            if (colon > 0) {
                String ns = PREFIXES.get(value.substring(0, colon).toLowerCase(Locale.ROOT));
                if (ns == null) throw error(node, "unknown prefix in " + what + " '" + value + "'; known: " + new java.util.TreeSet<>(PREFIXES.keySet()));
                return ns + value.substring(colon + 1);
            }
            if (value.isEmpty()) throw error(node, "empty " + what);
            return VG.NS + value;
        }

        int line(Node node) {
            return node == null ? 0 : node.getStartMark().map(Mark::getLine).orElse(-1) + 1;
        }

        MappingException error(Node node, String message) {
            return new MappingException(source + ":" + line(node) + ": " + message);
        }
    }
}
