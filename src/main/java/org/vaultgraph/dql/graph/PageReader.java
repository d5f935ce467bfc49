package org.vaultgraph.dql.graph;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.vaultgraph.dql.value.DvDate;
import org.vaultgraph.dql.value.DvDuration;
import org.vaultgraph.dql.value.DvLink;
import org.vaultgraph.dql.value.DvParsers;
import org.vaultgraph.dql.value.JsNumbers;
import org.vaultgraph.dql.value.Value;
import org.vaultgraph.query.GraphTriples;
import org.vaultgraph.rdf.VG;
import org.vaultgraph.vault.FieldNames;

/**
 * Reads one note's page back from its named graph, as Dataview's index serialises a page: the
 * {@code file} object (links in and out, tags as written, aliases, lists and tasks, dates) and the
 * page's fields, merged and named as Dataview merges and names them. Only the graph is read: the
 * field entries, list items, link occurrences and tags the mapper wrote.
 */
final class PageReader {
    private static final Pattern ITEM_TAG = Pattern.compile("#[^\\s,;.:!?'\"`()\\[\\]{}]+");
    private static final Pattern TAG = Pattern.compile("#[^\\u2000-\\u206F\\u2E00-\\u2E7F'!\"#$%&()*+,.:;<=>?@^`{|}~\\[\\]\\\\\\s]*");

    private final GraphLinks files;
    private final ZoneId zone;

    PageReader(GraphLinks files, ZoneId zone) {
        this.files = files;
        this.zone = zone;
    }


    /** One field as written: its key, its value, its value as the raw front matter holds it, and whether it is front matter. */
    private record Entry(String key, Value value, Value raw, boolean frontMatter, int position) {}

    Value.Obj read(String path, Node note, GraphTriples t, List<String> inlinkPaths) {
        List<Entry> own = entries(note, t);
        List<Entry> frontMatter = own.stream().filter(Entry::frontMatter).toList();
        List<Item> items = items(path, note, t);

        Map<String, Value> file = new LinkedHashMap<>();
        file.put("path", Value.of(path));
        file.put("folder", Value.of(folderOf(path)));
        file.put("name", Value.of(DvLink.fileTitle(path)));
        file.put("link", DvLink.file(path));
        file.put("outlinks", new Value.Array(outlinks(note, t)));
        file.put("inlinks", new Value.Array(inlinkPaths.stream().sorted().map(p -> (Value) DvLink.file(p)).toList()));
        Set<String> etags = etags(note, t, frontMatter);
        file.put("etags", textArray(etags));
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : etags) {
            String sub = tag;
            tags.add(sub);
            while (sub.contains("/")) {
                sub = sub.substring(0, sub.lastIndexOf('/'));
                tags.add(sub);
            }
        }
        file.put("tags", textArray(tags));
        file.put("aliases", textArray(aliases(frontMatter)));
        List<Value> lists = new ArrayList<>();
        List<Value> tasks = new ArrayList<>();
        Map<Integer, Value.Obj> serialized = serialize(path, items);
        for (Item item : items) {
            lists.add(serialized.get(item.line));
            if (item.status != null) tasks.add(serialized.get(item.line));
        }
        file.put("lists", new Value.Array(lists));
        file.put("tasks", new Value.Array(tasks));
        DvDate ctime = fileTime(t.object(note, VG.fileCreated));
        DvDate mtime = fileTime(t.object(note, VG.fileModified));
        file.put("ctime", Value.nullable(ctime));
        file.put("cday", ctime == null ? Value.NULL : stripTime(ctime));
        file.put("mtime", Value.nullable(mtime));
        file.put("mday", mtime == null ? Value.NULL : stripTime(mtime));
        Node size = t.object(note, VG.size);
        file.put("size", size == null ? Value.NULL : Value.of(Double.parseDouble(size.getLiteralLexicalForm())));
        file.put("starred", Value.FALSE);
        Map<String, Value> raw = new LinkedHashMap<>();
        for (Entry e : frontMatter) if (!e.key().equals("position")) raw.put(e.key(), e.raw());
        file.put("frontmatter", new Value.Obj(raw));
        file.put("ext", Value.of(path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : ""));
        Node day = t.object(note, VG.day);
        if (day != null) file.put("day", literal(day));

        Map<String, Value> page = new LinkedHashMap<>();
        page.put("file", new Value.Obj(file));
        fields(own, items).forEach(page::putIfAbsent);
        return new Value.Obj(page);
    }

    /** The note's front matter as Obsidian parses it: each key as written, in order, with its value as written. */
    Map<String, Value> frontMatter(Node note, GraphTriples t) {
        Map<String, Value> raw = new LinkedHashMap<>();
        for (Entry e : entries(note, t)) if (e.frontMatter() && !e.key().equals("position")) raw.put(e.key(), e.raw());
        return raw;
    }

    /** Dataview's page fields: front matter, plain list items' fields, then the other inline fields; repeats merged; canonical names added. */
    private Map<String, Value> fields(List<Entry> own, List<Item> items) {
        Map<String, List<Value>> raw = new LinkedHashMap<>();
        for (Entry e : jsOrder(own.stream().filter(Entry::frontMatter).toList())) {
            if (!e.key().equals("position")) raw.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e.value());
        }
        for (Item item : items) {
            if (item.status != null) continue;
            for (Map.Entry<String, List<Value>> f : item.fields.entrySet()) raw.computeIfAbsent(f.getKey(), k -> new ArrayList<>()).addAll(f.getValue());
        }
        for (Entry e : own) if (!e.frontMatter()) raw.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e.value());
        Map<String, List<Value>> normalized = new LinkedHashMap<>();
        for (Map.Entry<String, List<Value>> e : raw.entrySet()) {
            String canonical = FieldNames.canonicalize(e.getKey());
            if (canonical.isEmpty() || raw.containsKey(canonical)) continue;
            normalized.computeIfAbsent(canonical, k -> new ArrayList<>()).addAll(e.getValue());
        }
        Map<String, Value> out = new LinkedHashMap<>();
        raw.forEach((k, v) -> out.put(k, squash(v)));
        normalized.forEach((k, v) -> out.put(k, squash(v)));
        return out;
    }

    private static Value squash(List<Value> values) {
        return values.size() == 1 ? values.get(0) : new Value.Array(values);
    }

    /** Front matter keys in JavaScript's object order: whole-number keys first. */
    private static List<Entry> jsOrder(List<Entry> entries) {
        Map<String, Value> order = new LinkedHashMap<>();
        for (Entry e : entries) order.putIfAbsent(e.key(), Value.NULL);
        List<String> keys = new ArrayList<>(new Value.Obj(order).entries().keySet());
        List<Entry> out = new ArrayList<>(entries);
        out.sort(Comparator.comparingInt(e -> keys.indexOf(e.key())));
        return out;
    }

    private List<Entry> entries(Node subject, GraphTriples t) {
        return entries(subject, t, false);
    }

    /** @param inFrontMatter whether the subject itself is front matter (a nested object): its entries are too */
    private List<Entry> entries(Node subject, GraphTriples t, boolean inFrontMatter) {
        List<Entry> out = new ArrayList<>();
        for (Node entry : t.objects(subject, VG.fieldEntry)) {
            Node key = t.object(entry, VG.key);
            Node position = t.object(entry, VG.position);
            if (key == null || position == null) continue;
            Node valueNode = t.object(entry, VG.value);
            boolean frontMatter = inFrontMatter || t.object(entry, VG.inFrontMatter) != null;
            Node writtenNode = t.object(entry, VG.written);
            Value value;
            Value raw;
            if (writtenNode != null) {
                // A date or duration of the front matter, read again from its text: its units and zone as written.
                String written = writtenNode.getLiteralLexicalForm();
                Value reread = DvParsers.wholeDate(written, zone);
                if (reread == null) reread = DvParsers.wholeDuration(written);
                value = reread != null ? reread : valueNode == null ? Value.NULL : value(valueNode, t, true);
                raw = Value.of(written);
            } else {
                value = valueNode == null ? Value.NULL : value(valueNode, t, frontMatter);
                raw = valueNode == null ? Value.NULL : rawValue(valueNode, t);
            }
            out.add(new Entry(key.getLiteralLexicalForm(), value, raw, frontMatter, Integer.parseInt(position.getLiteralLexicalForm())));
        }
        out.sort(Comparator.comparingInt(Entry::position));
        return out;
    }

    /**
     * A value node of an entry: a literal, a link occurrence, an object, a list, or the null marker.
     * Inline durations are normalised, as Dataview normalises them; front matter ones keep their units.
     */
    Value value(Node node, GraphTriples t, boolean frontMatter) {
        if (node.isLiteral()) {
            Value v = literal(node);
            return !frontMatter && v instanceof DvDuration d ? d.normalizeAll() : v;
        }
        if (node.equals(VG.nullValue)) return Value.NULL;
        if (t.isA(node, VG.Seq)) {
            List<Value> items = new ArrayList<>();
            for (Node member : t.members(node)) items.add(value(member, t, frontMatter));
            return new Value.Array(items);
        }
        if (t.isA(node, VG.FieldObject)) {
            Map<String, Value> object = new LinkedHashMap<>();
            for (Entry e : entries(node, t, true)) object.put(e.key(), e.value());
            return new Value.Obj(object);
        }
        if (t.isA(node, VG.Link)) return link(node, t, false);
        return Value.of(node.getURI());
    }

    /** A value as the raw front matter holds it: links are the text they were written as. */
    private Value rawValue(Node node, GraphTriples t) {
        if (node.isLiteral()) {
            // Dates are text in raw front matter; one inside a list was most likely written as its lexical form.
            Value v = literal(node);
            return v instanceof DvDate || v instanceof DvDuration ? Value.of(node.getLiteralLexicalForm()) : v;
        }
        if (node.equals(VG.nullValue)) return Value.NULL;
        if (t.isA(node, VG.Seq)) return new Value.Array(t.members(node).stream().map(m -> rawValue(m, t)).toList());
        if (t.isA(node, VG.FieldObject)) {
            Map<String, Value> object = new LinkedHashMap<>();
            for (Entry e : entries(node, t, true)) object.put(e.key(), e.raw());
            return new Value.Obj(object);
        }
        if (t.isA(node, VG.Link)) {
            Node subpath = t.object(node, VG.subpath);
            Node display = t.object(node, VG.displayText);
            return Value.of((t.object(node, VG.embed) != null ? "!" : "") + "[[" + textOf(t.object(node, VG.linkText))
                    + (subpath == null ? "" : subpath.getLiteralLexicalForm()) + (display == null ? "" : "|" + display.getLiteralLexicalForm()) + "]]");
        }
        return Value.of(node.getURI());
    }

    /** The members of an rdf:Seq, in order. */

    /** A link occurrence as Dataview holds a link: the file's path when it resolves, else the text written. */
    private DvLink link(Node occurrence, GraphTriples t, boolean withObsidianDisplay) {
        return link(occurrence, t, withObsidianDisplay, true);
    }

    /** @param canonical whether the path is the resolved one; list items keep their links as written, as Dataview does */
    private DvLink link(Node occurrence, GraphTriples t, boolean withObsidianDisplay, boolean canonical) {
        Node target = t.object(occurrence, VG.target);
        Node text = t.object(occurrence, VG.linkText);
        String written = text == null ? "" : text.getLiteralLexicalForm();
        String resolved = target == null || !canonical ? null : files.pathOf(target.getURI());
        String path = resolved != null ? resolved : written;
        Node subpathNode = t.object(occurrence, VG.subpath);
        String subpath = subpathNode == null ? "" : subpathNode.getLiteralLexicalForm();
        Node displayNode = t.object(occurrence, VG.displayText);
        String display = displayNode == null ? null : displayNode.getLiteralLexicalForm();
        if (display == null && withObsidianDisplay) {
            // Obsidian shows a link without an alias as its text, each '#' written " > ".
            display = (written + subpath).replace("#", " > ").replaceFirst("^ > ", "");
        }
        boolean embed = t.object(occurrence, VG.embed) != null;
        DvLink link;
        if (subpath.startsWith("#^")) link = DvLink.block(path, subpath.substring(2), embed, display);
        else if (subpath.startsWith("#")) link = DvLink.header(path, subpath.substring(1), embed, display);
        else link = DvLink.file(path, embed, display);
        return link;
    }

    /** Dataview's outlinks: front matter links, then the text's links, then its embeds, each in the order written. */
    private List<Value> outlinks(Node note, GraphTriples t) {
        List<Occurrence> all = occurrences(note, t);
        List<Value> out = new ArrayList<>();
        // Obsidian's front matter links are never embeds, whatever was written.
        for (Occurrence o : all) if (o.frontMatter) out.add(link(o.node, t, true).withEmbed(false));
        for (Occurrence o : all) if (!o.frontMatter && !o.embed) out.add(link(o.node, t, true));
        for (Occurrence o : all) if (!o.frontMatter && o.embed) out.add(link(o.node, t, true));
        return out;
    }

    private record Occurrence(Node node, int index, int line, boolean frontMatter, boolean embed) {}

    private static List<Occurrence> occurrences(Node note, GraphTriples t) {
        List<Occurrence> out = new ArrayList<>();
        for (Node o : t.objects(note, VG.hasLink)) {
            String iri = o.getURI();
            int index = Integer.parseInt(iri.substring(iri.lastIndexOf("#link-") + 6));
            Node line = t.object(o, VG.line);
            out.add(new Occurrence(o, index, line == null ? 0 : Integer.parseInt(line.getLiteralLexicalForm()),
                    t.object(o, VG.inFrontMatter) != null, t.object(o, VG.embed) != null));
        }
        out.sort(Comparator.comparingInt(Occurrence::index));
        return out;
    }

    /** Tags as written: the text's, in order, then the front matter's; each once. */
    private static Set<String> etags(Node note, GraphTriples t, List<Entry> frontMatter) {
        Set<String> out = new LinkedHashSet<>();
        Node seq = t.object(note, VG.bodyTags);
        if (seq != null) for (Node member : t.members(seq)) out.add(member.getLiteralLexicalForm());
        for (Entry e : frontMatter) {
            String key = e.key().toLowerCase(Locale.ROOT);
            if (!key.equals("tags") && !key.equals("tag")) continue;
            for (String tag : split(e.value(), "[,\\s]+")) out.add(tag.startsWith("#") ? tag : "#" + tag);
        }
        return out;
    }

    private static List<String> aliases(List<Entry> frontMatter) {
        List<String> out = new ArrayList<>();
        for (Entry e : frontMatter) {
            String key = e.key().toLowerCase(Locale.ROOT);
            if (!key.equals("alias") && !key.equals("aliases")) continue;
            Value v = e.value();
            if (!truthy(v)) continue;
            if (v instanceof Value.Array a) {
                for (Value item : a.items()) out.add(jsString(item).trim());
            } else {
                out.addAll(split(v, ","));
            }
        }
        return new ArrayList<>(new LinkedHashSet<>(out));
    }

    /** Dataview's splitting of a front matter tag or alias value: lists item by item, text at a separator. */
    private static List<String> split(Value v, String separator) {
        List<String> out = new ArrayList<>();
        if (v instanceof Value.Null) return out;
        if (v instanceof Value.Array a) {
            for (Value item : a.items()) if (truthy(item)) out.addAll(split(item, separator));
            return out;
        }
        for (String piece : jsString(v).split(separator)) {
            String trimmed = piece.trim();
            if (!trimmed.isEmpty()) out.add(trimmed);
        }
        return out;
    }

    private static boolean truthy(Value v) {
        if (v instanceof Value.Null) return false;
        if (v instanceof Value.Text s) return !s.value().isEmpty();
        if (v instanceof Value.Num n) return n.value() != 0;
        if (v instanceof Value.Bool b) return b.value();
        return true;
    }

    /** JavaScript's {@code "" + value} of a front matter value. */
    private static String jsString(Value v) {
        if (v instanceof Value.Text s) return s.value();
        if (v instanceof Value.Num n) return JsNumbers.toString(n.value());
        if (v instanceof Value.Bool b) return Boolean.toString(b.value());
        if (v instanceof Value.Null) return "null";
        if (v instanceof DvLink l) return "[[" + l.obsidianLink() + (l.display() == null ? "" : "|" + l.display()) + "]]";
        if (v instanceof Value.Array a) return String.join(",", a.items().stream().map(PageReader::jsString).toList());
        if (v instanceof Value.Obj) return "[object Object]";
        return v.toString();
    }

    // --- List items and tasks ------------------------------------------------------------------

    private static final class Item {
        Node node;
        int line;
        int lineCount;
        String symbol;
        String text;
        String status;
        int parentLine;
        int listLine;
        String blockId;
        String section;
        Map<String, List<Value>> fields;
        List<Integer> children = new ArrayList<>();
        List<Value> links = new ArrayList<>();
        boolean fullyCompleted;
    }

    private List<Item> items(String path, Node note, GraphTriples t) {
        TreeMap<Integer, Item> byLine = new TreeMap<>();
        for (Node node : t.objects(note, VG.listItem)) {
            Item item = new Item();
            item.node = node;
            item.line = intOf(t.object(node, VG.line), 0);
            item.lineCount = intOf(t.object(node, VG.lineCount), 1);
            item.symbol = textOf(t.object(node, VG.symbol));
            item.text = textOf(t.object(node, VG.text));
            Node status = t.object(node, VG.status);
            item.status = status == null ? null : status.getLiteralLexicalForm();
            Node parent = t.object(node, VG.parentItem);
            item.parentLine = parent == null ? 0 : Integer.parseInt(parent.getURI().substring(parent.getURI().lastIndexOf("#item-") + 6));
            item.listLine = intOf(t.object(node, VG.listLine), item.line);
            Node block = t.object(node, VG.blockId);
            item.blockId = block == null ? null : block.getLiteralLexicalForm();
            Node section = t.object(node, VG.section);
            item.section = section == null ? null : section.getLiteralLexicalForm();
            item.fields = new LinkedHashMap<>();
            for (Entry e : entries(node, t)) item.fields.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e.value());
            boolean completed = "x".equals(item.status) || "X".equals(item.status);
            item.fullyCompleted = completed;
            byLine.put(item.line, item);
        }
        List<Occurrence> occurrences = occurrences(note, t);
        for (Item item : byLine.values()) {
            Item parent = byLine.get(item.parentLine);
            if (parent != null) parent.children.add(item.line);
            // The links on the item's lines, each line's links before its embeds, as Obsidian lists them.
            for (int line = item.line; line < item.line + item.lineCount; line++) {
                for (boolean embeds : new boolean[] {false, true}) {
                    for (Occurrence o : occurrences) {
                        if (!o.frontMatter && o.line == line && o.embed == embeds) item.links.add(link(o.node, t, true, false));
                    }
                }
            }
        }
        // A task is fully completed when it and every task below it are completed.
        for (Item item : byLine.values()) {
            if (item.status == null) continue;
            boolean completed = "x".equals(item.status) || "X".equals(item.status);
            Item current = item;
            while (current != null) {
                if (current.status != null) current.fullyCompleted = current.fullyCompleted && completed;
                current = byLine.get(current.parentLine);
            }
        }
        return new ArrayList<>(byLine.values());
    }

    private Map<Integer, Value.Obj> serialize(String path, List<Item> items) {
        Map<Integer, Item> byLine = new HashMap<>();
        items.forEach(i -> byLine.put(i.line, i));
        Map<Integer, Value.Obj> done = new HashMap<>();
        for (Item item : items) serialize(path, item, byLine, done, new java.util.HashSet<>());
        return done;
    }

    private Value.Obj serialize(String path, Item item, Map<Integer, Item> byLine, Map<Integer, Value.Obj> done, Set<Integer> visiting) {
        Value.Obj known = done.get(item.line);
        if (known != null) return known;
        visiting.add(item.line);
        List<Value> children = new ArrayList<>();
        for (int line : item.children) {
            if (visiting.contains(line)) continue;
            children.add(serialize(path, byLine.get(line), byLine, done, visiting));
        }
        DvLink section = DvLink.section(path, item.section, null);
        Map<String, Value> out = new LinkedHashMap<>();
        out.put("symbol", Value.of(item.symbol));
        out.put("link", item.blockId == null ? section : DvLink.section(path, null, item.blockId));
        out.put("section", section);
        out.put("text", Value.of(item.text));
        out.put("tags", textArray(itemTags(item.text.replace("\n", " "))));
        out.put("line", Value.of(item.line - 1));
        out.put("lineCount", Value.of(item.lineCount));
        out.put("list", Value.of(item.listLine - 1));
        out.put("outlinks", new Value.Array(item.links));
        out.put("path", Value.of(path));
        out.put("children", new Value.Array(children));
        out.put("task", Value.of(item.status != null));
        out.put("annotated", Value.of(!item.fields.isEmpty()));
        out.put("position", position(item));
        if (item.parentLine > 0) out.put("parent", Value.of(item.parentLine - 1));
        if (item.blockId != null) out.put("blockId", Value.of(item.blockId));
        item.fields.forEach((k, v) -> out.putIfAbsent(k, squash(v)));
        if (item.status != null) {
            out.put("status", Value.of(item.status));
            out.put("checked", Value.of(!item.status.isEmpty() && !item.status.equals(" ")));
            boolean completed = "x".equals(item.status) || "X".equals(item.status);
            out.put("completed", Value.of(completed));
            out.put("fullyCompleted", Value.of(item.fullyCompleted));
            putFirst(out, "created", item.fields, "created", "ctime", "cday");
            putFirst(out, "due", item.fields, "due", "duetime", "dueday");
            putFirst(out, "completion", item.fields, "completed", "completion", "comptime", "compday");
            putFirst(out, "start", item.fields, "start");
            putFirst(out, "scheduled", item.fields, "scheduled");
        }
        Value.Obj result = new Value.Obj(out);
        done.put(item.line, result);
        visiting.remove(item.line);
        return result;
    }

    /** Where the item is: its first and last lines (Obsidian's positions also hold columns and offsets, which the graph does not keep). */
    private static Value position(Item item) {
        return new Value.Obj(Map.of("start", new Value.Obj(Map.of("line", Value.of(item.line - 1))),
                "end", new Value.Obj(Map.of("line", Value.of(item.line + item.lineCount - 2)))));
    }

    /** Sets {@code key} to the first value of the first of {@code names} the item has, when that value is truthy. */
    private static void putFirst(Map<String, Value> out, String key, Map<String, List<Value>> fields, String... names) {
        for (String name : names) {
            List<Value> values = fields.get(name);
            if (values == null) continue;
            Value first = values.get(0);
            if (org.vaultgraph.dql.value.Values.isTruthy(first)) out.put(key, first);
            return;
        }
    }


    /** Dataview's tags of a list item: every {@code #tag} in its text, wherever it stands. */
    private static Set<String> itemTags(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = ITEM_TAG.matcher(text);
        while (m.find()) {
            Matcher tag = TAG.matcher(m.group());
            if (tag.matches()) out.add(m.group());
        }
        return out;
    }

    // --- Literals ------------------------------------------------------------------------------

    /** A typed literal as a query value: text, number, boolean, date (local unless a zone was written) or duration. */
    Value literal(Node node) {
        String lexical = node.getLiteralLexicalForm();
        String type = node.getLiteralDatatypeURI();
        if (XSDDatatype.XSDboolean.getURI().equals(type)) return Value.of(Boolean.parseBoolean(lexical));
        if (XSDDatatype.XSDdate.getURI().equals(type)) return DvDate.local(LocalDate.parse(lexical.substring(0, 10)).atStartOfDay(), zone);
        if (XSDDatatype.XSDdateTime.getURI().equals(type)) return dateTime(lexical);
        if (type.startsWith(XSDDatatype.XSD + "#") && (type.endsWith("uration"))) return duration(lexical);
        if (XSDDatatype.XSDinteger.getURI().equals(type) || XSDDatatype.XSDdecimal.getURI().equals(type)
                || XSDDatatype.XSDdouble.getURI().equals(type) || XSDDatatype.XSDlong.getURI().equals(type)) {
            return Value.of(Double.parseDouble(lexical));
        }
        return Value.of(lexical);
    }

    private static final Pattern ZONE = Pattern.compile("(Z|[+-]\\d{2}:\\d{2})$");

    private DvDate dateTime(String lexical) {
        Matcher m = ZONE.matcher(lexical);
        if (!m.find()) return DvDate.local(java.time.LocalDateTime.parse(lexical), zone);
        OffsetDateTime t = OffsetDateTime.parse(lexical);
        return DvDate.of(t.atZoneSameInstant(t.getOffset()), DvDate.ZoneKind.FIXED);
    }

    private static final Pattern DURATION = Pattern.compile("(-)?P(?:([\\d.]+)Y)?(?:([\\d.]+)M)?(?:([\\d.]+)W)?(?:([\\d.]+)D)?(?:T(?:([\\d.]+)H)?(?:([\\d.]+)M)?(?:([\\d.]+)S)?)?");

    /** An XML Schema duration with the units it names (seconds' fraction as milliseconds). */
    static DvDuration duration(String lexical) {
        Matcher m = DURATION.matcher(lexical);
        if (!m.matches()) return DvDuration.ofMillis(0);
        Map<DvDuration.Unit, Double> units = new LinkedHashMap<>();
        DvDuration.Unit[] order = {DvDuration.Unit.YEARS, DvDuration.Unit.MONTHS, DvDuration.Unit.WEEKS, DvDuration.Unit.DAYS,
            DvDuration.Unit.HOURS, DvDuration.Unit.MINUTES};
        for (int i = 0; i < order.length; i++) {
            if (m.group(i + 2) != null) units.put(order[i], Double.parseDouble(m.group(i + 2)));
        }
        if (m.group(8) != null) {
            double seconds = Double.parseDouble(m.group(8));
            double whole = Math.floor(seconds);
            units.put(DvDuration.Unit.SECONDS, whole);
            if (seconds != whole) units.put(DvDuration.Unit.MILLISECONDS, (double) Math.round((seconds - whole) * 1000));
        }
        if (units.isEmpty()) units.put(DvDuration.Unit.SECONDS, 0.0);
        DvDuration d = DvDuration.of(units);
        return m.group(1) != null ? d.negate() : d;
    }

    private DvDate fileTime(Node node) {
        if (node == null) return null;
        return DvDate.ofInstant(Instant.parse(node.getLiteralLexicalForm()), zone);
    }

    private DvDate stripTime(DvDate d) {
        return DvDate.local(LocalDate.of(d.year(), d.month(), d.day()).atStartOfDay(), zone);
    }

    private static Value textArray(java.util.Collection<String> texts) {
        return new Value.Array(texts.stream().map(s -> (Value) Value.of(s)).toList());
    }

    private static String folderOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static int intOf(Node node, int fallback) {
        return node == null ? fallback : Integer.parseInt(node.getLiteralLexicalForm());
    }

    private static String textOf(Node node) {
        return node == null ? "" : node.getLiteralLexicalForm();
    }
}
