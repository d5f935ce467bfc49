package org.vaultgraph.vault;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.InlineLinkNode;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text of one note into a {@link Note}: front matter, links, tags, inline fields and code blocks.
 *
 * <pre>{@code
 * NoteParser parser = NoteParser.builder().zone(ZoneId.of("UTC")).build();
 * NoteParser.Result result = parser.parse("Notes/a.md", text, stamp);
 * result.note().links();
 * result.problems(); // broken front matter and the like, with line numbers
 * }</pre>
 *
 * Nothing inside code blocks, code spans, math, {@code %% comments %%} or HTML comments is a link,
 * tag or field. A parser is immutable and may be shared between threads.
 */
public final class NoteParser {
    private static final DateTimeFormatter ISO_WITH_OFFSET = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");
    private static final Pattern URL = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s)>\\]]+");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    private final Parser markdown = Parser.builder().build();
    private final FrontMatterReader frontMatter = new FrontMatterReader();
    private final List<String> createdKeys;
    private final List<String> modifiedKeys;
    private final ZoneId zone;
    private final NoteLimits limits;
    private final int partSize;

    private NoteParser(Builder builder) {
        this.createdKeys = List.copyOf(builder.createdKeys);
        this.modifiedKeys = List.copyOf(builder.modifiedKeys);
        this.zone = builder.zone;
        this.limits = builder.limits;
        this.partSize = builder.partSize;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** What parsing a note gives: the note and the problems found in it. */
    public record Result(Note note, List<Problem> problems) {}

    public Result parse(String path, String rawText, FileStamp stamp) {
        String text = normalise(rawText);
        List<Problem> problems = new ArrayList<>();
        int nonCharacter = NonCharacters.indexIn(text);
        if (nonCharacter >= 0) {
            int line = 1 + (int) text.substring(0, nonCharacter).chars().filter(c -> c == '\n').count();
            problems.add(Problem.at(path, line, 0, String.format("contains the Unicode non-character U+%04X, which is not for interchange;"
                    + " it is read as \uFFFD", text.codePointAt(nonCharacter))));
            text = NonCharacters.replace(text);
        }
        LineIndex lines = new LineIndex(text);
        MaskedText masked = new MaskedText(text);

        FrontMatterReader.Block block = FrontMatterReader.locate(text);
        FrontMatterReader.Content meta = frontMatter.read(path, block, problems);
        masked.blank(0, block.end());
        if (FrontMatterReader.isUnclosed(text)) {
            problems.add(Problem.at(path, 1, 1, "front matter starts with '---' but has no closing '---' line;"
                    + " the whole note is read as body text"));
        }

        Capped<CodeBlock> codeBlocks = Capped.first(limits.codeBlocks());
        Capped<MarkdownLink> markdownLinks = Capped.first(limits.distinct());
        Capped<Field> inlineFields = Capped.first(limits.fields());
        Capped<Integer> itemLines = Capped.first(limits.listItems());
        ListItems lists = new ListItems(text, lines, itemLines, inlineFields);
        MarkdownParts.Report parts = MarkdownParts.parse(markdown, masked, partSize, (topLevel, shift) -> {
            List<int[]> blanks = new ArrayList<>();
            MarkdownParts.walk(topLevel, node -> {
                collect(node, shift, lines, codeBlocks, markdownLinks, blanks);
                lists.visit(node, shift);
            });
            lists.endBlock(shift);
            blanks.forEach(b -> masked.blank(b[0], b[1]));
        });
        if (!parts.cuts().isEmpty()) {
            problems.add(Problem.minor(path, lines.line(parts.cuts().get(0)), 0, String.format(Locale.ROOT, "a block of over %,d characters"
                    + " is read in parts, cut at %,d line breaks from this line on; a code span or link written across one of them is"
                    + " not recognised", partSize, parts.cuts().size())));
        }
        blankCommentsAndMath(masked);

        // Links in the order written: front matter, then wikilinks and markdown links of the text merged by position.
        Capped<org.vaultgraph.vault.Link> links = Capped.distinctAfter(limits.asWritten(), limits.distinct(),
                l -> (l.embed() ? "!" : "") + l.target());
        meta.links().forEach(links::add);
        MaskedText tagText = masked.copy();
        BitSet wikiSpans = new BitSet(text.length());
        // One pass finds the wikilinks and hides them from the tag and address scans.
        List<org.vaultgraph.vault.Link> wikiLinks = new ArrayList<>();
        WikiLinks.scan(masked, lines, (link, start, end) -> {
            if (link != null) wikiLinks.add(link);
            tagText.blank(start, end);
            wikiSpans.set(start, end);
        });
        List<org.vaultgraph.vault.Link> internal = new ArrayList<>();
        for (MarkdownLink link : markdownLinks.kept()) {
            if (masked.isBlanked(link.start)) continue; // inside a comment or math
            if (wikiSpans.get(link.start)) continue; // "[[a]](b)" is a wikilink and text, as Obsidian reads it
            tagText.blank(link.start, link.end);
            org.vaultgraph.vault.Link vaultLink = link.toVaultLink(lines);
            if (vaultLink != null) internal.add(vaultLink);
        }
        addInOrder(wikiLinks, internal, links);

        Capped<WebLink> externalLinks = Capped.distinctAfter(limits.asWritten(), limits.distinct(), WebLink::url);
        Matcher url = URL.matcher(tagText);
        while (url.find()) {
            String address = url.group().replaceAll("[.,:;!?*_~'\"]+$", ""); // sentence punctuation is not part of it
            // "https://" with nothing after it is prose about addresses, not a link (Obsidian links none).
            if (!address.endsWith("://")) externalLinks.add(new WebLink(address, lines.line(url.start())));
            tagText.blank(url.start(), url.end());
        }
        for (MarkdownLink link : markdownLinks.kept()) {
            if (!masked.isBlanked(link.start) && !wikiSpans.get(link.start) && link.isExternal()) {
                externalLinks.add(new WebLink(link.url, lines.line(link.start)));
            }
        }

        Capped<TagRef> bodyTags = Capped.distinctAfter(limits.asWritten(), limits.distinct(), t -> t.name().toLowerCase(Locale.ROOT));
        Tags.scan(tagText, lines, bodyTags::add);
        List<TagRef> tags = new ArrayList<>(bodyTags.kept());
        tags.addAll(meta.tags()); // Dataview keeps front matter tags as written, valid or not

        // Dataview's order: front matter, then the fields of plain list items, then the other inline fields.
        List<ListItem> items = lists.items();
        List<Field> fields = new ArrayList<>(meta.fields());
        for (ListItem item : items) if (!item.isTask()) fields.addAll(item.fields());
        InlineFields.scan(masked, text, lines, lists.listLines(), field -> {
            if (inlineFields.admit(field)) fields.add(field);
        });

        links.problem(path, "links", "target", org.vaultgraph.vault.Link::line).ifPresent(problems::add);
        bodyTags.problem(path, "tags", "tag", TagRef::line).ifPresent(problems::add);
        externalLinks.problem(path, "web links", "address", WebLink::line).ifPresent(problems::add);
        inlineFields.problem(path, "inline fields", "", Field::line).ifPresent(problems::add);
        itemLines.problem(path, "list items", "", line -> line).ifPresent(problems::add);
        codeBlocks.problem(path, "code blocks", "", CodeBlock::line).ifPresent(problems::add);
        markdownLinks.problem(path, "markdown links", "", l -> lines.line(l.start)).ifPresent(problems::add);

        Note note = new Note(path, text, List.copyOf(fields), List.copyOf(links.kept()), List.copyOf(tags),
                meta.aliases(), List.copyOf(codeBlocks.kept()), items, externalLinks.kept().stream().map(WebLink::url).toList(), stamp,
                timestamp(meta.fields(), createdKeys, stamp.created()),
                timestamp(meta.fields(), modifiedKeys, stamp.modified()));
        return new Result(note, List.copyOf(problems));
    }

    /** A web address as written, and the line it is on. */
    private record WebLink(String url, int line) {}

    /** Adds the text's wikilinks (in the order written) and its markdown links to {@code links}, all in the order written. */
    private static void addInOrder(List<org.vaultgraph.vault.Link> wikiLinks, List<org.vaultgraph.vault.Link> markdownLinks,
                                   Capped<org.vaultgraph.vault.Link> links) {
        Comparator<org.vaultgraph.vault.Link> written = Comparator.comparingInt(org.vaultgraph.vault.Link::line)
                .thenComparingInt(org.vaultgraph.vault.Link::column);
        markdownLinks.sort(written);
        Iterator<org.vaultgraph.vault.Link> markdown = markdownLinks.iterator();
        org.vaultgraph.vault.Link next = markdown.hasNext() ? markdown.next() : null;
        for (org.vaultgraph.vault.Link link : wikiLinks) {
            while (next != null && written.compare(next, link) < 0) {
                links.add(next);
                next = markdown.hasNext() ? markdown.next() : null;
            }
            links.add(link);
        }
        if (next != null) links.add(next);
        markdown.forEachRemaining(links::add);
    }

    /** Drops a byte order mark and turns CRLF and CR line breaks into LF, so that lines count the same everywhere. */
    static String normalise(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return t.indexOf('\r') < 0 ? t : t.replace("\r\n", "\n").replace('\r', '\n');
    }

    private FieldValue.DateValue timestamp(List<Field> fields, List<String> keys, Instant fallback) {
        for (String key : keys) {
            for (Field field : fields) {
                if (field.canonicalKey().equals(key) && field.value() instanceof FieldValue.DateValue date) return date;
            }
        }
        String lexical = OffsetDateTime.ofInstant(fallback, zone).truncatedTo(ChronoUnit.SECONDS).format(ISO_WITH_OFFSET);
        return new FieldValue.DateValue(lexical, true);
    }

    /** A markdown link or image found by flexmark, kept until we know whether a comment hides it. */
    private record MarkdownLink(String url, String text, boolean embed, int start, int end) {
        /** The vault link this stands for, or null for a web address or an empty link. */
        boolean isExternal() {
            return url.startsWith("http://") || url.startsWith("https://");
        }

        org.vaultgraph.vault.Link toVaultLink(LineIndex lines) {
            if (url.isEmpty() || SCHEME.matcher(url).find()) return null;
            String decoded;
            try {
                decoded = URLDecoder.decode(url.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                decoded = url; // a lone '%' is kept as written
            }
            String subpath = "";
            int hash = decoded.indexOf('#');
            if (hash >= 0) {
                subpath = decoded.substring(hash);
                decoded = decoded.substring(0, hash);
            }
            if (decoded.isEmpty() && subpath.isEmpty()) return null;
            return new org.vaultgraph.vault.Link(decoded, subpath, text.isEmpty() ? null : text, embed,
                    org.vaultgraph.vault.Link.Syntax.MARKDOWN, lines.line(start), lines.column(start));
        }
    }

    /** Collects a node's code block or markdown link, and the region to blank when it is code, a comment or an autolink. */
    private static void collect(Node node, int shift, LineIndex lines, Capped<CodeBlock> codeBlocks, Capped<MarkdownLink> markdownLinks,
                                List<int[]> blanks) {
        int start = shift + node.getStartOffset();
        int end = shift + node.getEndOffset();
        if (node instanceof FencedCodeBlock fenced) {
            String info = fenced.getInfo().toString().strip();
            String language = info.isEmpty() ? "" : info.split("[\\s{]", 2)[0];
            int line = lines.line(start);
            codeBlocks.add(new CodeBlock(language, fenced.getContentChars().toString(), line, line + 1));
            blanks.add(new int[] {start, end});
        } else if (node instanceof IndentedCodeBlock || node instanceof Code
                || node instanceof HtmlCommentBlock || node instanceof HtmlInlineComment) {
            blanks.add(new int[] {start, end});
        } else if (node instanceof Link || node instanceof Image) {
            InlineLinkNode link = (InlineLinkNode) node;
            markdownLinks.add(new MarkdownLink(link.getUrl().unescape(), link.getText().toString().strip(), node instanceof Image, start, end));
        } else if (node instanceof AutoLink) {
            blanks.add(new int[] {start, end});
        }
    }

    /**
     * Blanks {@code %% comments %%} (an unclosed one runs to the end of the note, as in Obsidian),
     * {@code $$ math blocks $$} and {@code $inline math$}.
     */
    static void blankCommentsAndMath(MaskedText masked) {
        // Blanking only ever covers what the scan has passed, so it reads the text it changes.
        MaskedText text = masked;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '%' && i + 1 < n && text.charAt(i + 1) == '%') {
                int close = text.indexOf("%%", i + 2);
                int end = close < 0 ? n : close + 2;
                masked.blank(i, end);
                i = end;
            } else if (c == '$' && i + 1 < n && text.charAt(i + 1) == '$') {
                int close = text.indexOf("$$", i + 2);
                if (close < 0) {
                    i += 2;
                } else {
                    masked.blank(i, close + 2);
                    i = close + 2;
                }
            } else if (c == '$') {
                int close = inlineMathEnd(text, i);
                if (close < 0) {
                    i++;
                } else {
                    masked.blank(i, close + 1);
                    i = close + 1;
                }
            } else {
                i++;
            }
        }
    }

    /** Inline math opens with '$' before a non-space and closes on the same line with '$' after a non-space, not before a digit. */
    private static int inlineMathEnd(CharSequence text, int open) {
        int n = text.length();
        if (open + 1 >= n || Character.isWhitespace(text.charAt(open + 1))) return -1;
        for (int k = open + 1; k < n; k++) {
            char c = text.charAt(k);
            if (c == '\n') return -1;
            if (c == '\\') {
                k++;
                continue;
            }
            if (c == '$' && !Character.isWhitespace(text.charAt(k - 1)) && (k + 1 >= n || !Character.isDigit(text.charAt(k + 1)))) {
                return k;
            }
        }
        return -1;
    }

    /** Configures a {@link NoteParser}. */
    public static final class Builder {
        private List<String> createdKeys = List.of("created", "date-created", "creation-date", "created-at", "ctime");
        private List<String> modifiedKeys = List.of("updated", "modified", "last-modified", "date-modified",
                "updated-at", "modified-at", "mtime");
        private ZoneId zone = ZoneId.systemDefault();
        private NoteLimits limits = NoteLimits.DEFAULT;
        private int partSize = MarkdownParts.PART;

        /** Canonical field names whose date gives the creation time, tried in order. */
        public Builder createdKeys(List<String> keys) {
            this.createdKeys = Objects.requireNonNull(keys);
            return this;
        }

        /** Canonical field names whose date gives the modification time, tried in order. */
        public Builder modifiedKeys(List<String> keys) {
            this.modifiedKeys = Objects.requireNonNull(keys);
            return this;
        }

        /** The time zone in which file system times are written. */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone);
            return this;
        }

        /** How much of one note is kept; see {@link NoteLimits}. */
        public Builder limits(NoteLimits limits) {
            this.limits = Objects.requireNonNull(limits);
            return this;
        }

        /** How much markdown is parsed at once (tests make it small to check that parts read as the whole). */
        Builder partSize(int partSize) {
            if (partSize < 1) throw new IllegalArgumentException("partSize must be >= 1");
            this.partSize = partSize;
            return this;
        }

        public NoteParser build() {
            return new NoteParser(this);
        }
    }
}
