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
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

    private NoteParser(Builder builder) {
        this.createdKeys = List.copyOf(builder.createdKeys);
        this.modifiedKeys = List.copyOf(builder.modifiedKeys);
        this.zone = builder.zone;
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

        List<CodeBlock> codeBlocks = new ArrayList<>();
        List<MarkdownLink> markdownLinks = new ArrayList<>();
        Document document = markdown.parse(masked.toString());
        blankCodeAndCollect(document, masked, lines, codeBlocks, markdownLinks);
        ListItems.Found lists = ListItems.scan(document, text, lines);
        blankCommentsAndMath(masked);

        List<org.vaultgraph.vault.Link> links = new ArrayList<>();
        MaskedText tagText = masked.copy();
        // One pass finds the wikilinks and hides them from the tag and address scans.
        Matcher wiki = WikiLinks.WIKILINK.matcher(masked);
        List<Integer> wikiSpans = new ArrayList<>();
        while (wiki.find()) {
            WikiLinks.add(wiki, lines, links);
            tagText.blank(wiki.start(), wiki.end());
            wikiSpans.add(wiki.start());
            wikiSpans.add(wiki.end());
        }
        for (MarkdownLink link : markdownLinks) {
            if (masked.isBlanked(link.start)) continue; // inside a comment or math
            if (inside(wikiSpans, link.start)) continue; // "[[a]](b)" is a wikilink and text, as Obsidian reads it
            tagText.blank(link.start, link.end);
            org.vaultgraph.vault.Link internal = link.toVaultLink(lines);
            if (internal != null) links.add(internal);
        }
        List<String> externalLinks = new ArrayList<>();
        Matcher url = URL.matcher(tagText);
        while (url.find()) {
            String address = url.group().replaceAll("[.,:;!?*_~'\"]+$", ""); // sentence punctuation is not part of it
            // "https://" with nothing after it is prose about addresses, not a link (Obsidian links none).
            if (!address.endsWith("://")) externalLinks.add(address);
            tagText.blank(url.start(), url.end());
        }
        for (MarkdownLink link : markdownLinks) {
            if (!masked.isBlanked(link.start) && !inside(wikiSpans, link.start) && link.isExternal()) externalLinks.add(link.url);
        }
        links.sort(Comparator.comparingInt(org.vaultgraph.vault.Link::line).thenComparingInt(org.vaultgraph.vault.Link::column));

        List<TagRef> tags = new ArrayList<>();
        Tags.scan(tagText, lines, tags);
        tags.addAll(meta.tags()); // Dataview keeps front matter tags as written, valid or not

        // Dataview's order: front matter, then the fields of plain list items, then the other inline fields.
        List<Field> fields = new ArrayList<>(meta.fields());
        for (ListItem item : lists.items()) if (!item.isTask()) fields.addAll(item.fields());
        InlineFields.scan(masked, text, lines, lists.listLines(), fields);

        List<org.vaultgraph.vault.Link> allLinks = new ArrayList<>(meta.links());
        allLinks.addAll(links);

        Note note = new Note(path, text, List.copyOf(fields), List.copyOf(allLinks), List.copyOf(tags),
                meta.aliases(), List.copyOf(codeBlocks), lists.items(), List.copyOf(externalLinks), stamp,
                timestamp(meta.fields(), createdKeys, stamp.created()),
                timestamp(meta.fields(), modifiedKeys, stamp.modified()));
        return new Result(note, List.copyOf(problems));
    }

    /** Whether {@code offset} falls inside one of the spans, given as sorted start, end pairs. */
    private static boolean inside(List<Integer> spans, int offset) {
        int low = 0;
        int high = spans.size() / 2 - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (offset < spans.get(2 * mid)) high = mid - 1;
            else if (offset >= spans.get(2 * mid + 1)) low = mid + 1;
            else return true;
        }
        return false;
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

    private void blankCodeAndCollect(Document document, MaskedText masked, LineIndex lines, List<CodeBlock> codeBlocks,
                                     List<MarkdownLink> markdownLinks) {
        List<int[]> blanks = new ArrayList<>();
        for (Node node : document.getDescendants()) {
            if (node instanceof FencedCodeBlock fenced) {
                String info = fenced.getInfo().toString().strip();
                String language = info.isEmpty() ? "" : info.split("[\\s{]", 2)[0];
                int line = lines.line(node.getStartOffset());
                codeBlocks.add(new CodeBlock(language, fenced.getContentChars().toString(), line, line + 1));
                blanks.add(new int[] {node.getStartOffset(), node.getEndOffset()});
            } else if (node instanceof IndentedCodeBlock || node instanceof Code
                    || node instanceof HtmlCommentBlock || node instanceof HtmlInlineComment) {
                blanks.add(new int[] {node.getStartOffset(), node.getEndOffset()});
            } else if (node instanceof Link || node instanceof Image) {
                InlineLinkNode link = (InlineLinkNode) node;
                markdownLinks.add(new MarkdownLink(link.getUrl().unescape(), link.getText().toString().strip(),
                        node instanceof Image, node.getStartOffset(), node.getEndOffset()));
            } else if (node instanceof AutoLink) {
                blanks.add(new int[] {node.getStartOffset(), node.getEndOffset()});
            }
        }
        blanks.forEach(b -> masked.blank(b[0], b[1]));
    }

    /**
     * Blanks {@code %% comments %%} (an unclosed one runs to the end of the note, as in Obsidian),
     * {@code $$ math blocks $$} and {@code $inline math$}.
     */
    static void blankCommentsAndMath(MaskedText masked) {
        String text = masked.toString();
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
    private static int inlineMathEnd(String text, int open) {
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

        public NoteParser build() {
            return new NoteParser(this);
        }
    }
}
