package org.vaultgraph.render;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vaultgraph.bases.BaseException;
import org.vaultgraph.bases.BaseSource;
import org.vaultgraph.dql.graph.GraphLinks;
import org.vaultgraph.dql.syntax.DqlException;
import org.vaultgraph.dql.syntax.DqlSyntaxException;
import org.vaultgraph.dql.value.Value;

/**
 * Compiles a note into the markdown the Obsidian Digital Garden plugin publishes, step by step in the
 * plugin's order: front matter, block ids, transclusions (four levels deep at most), dataview blocks and
 * inline queries, links written as full vault paths, comments removed, embedded images pointed at
 * their published copies. The text comes from the graph; so does every query's answer.
 *
 * <pre>{@code
 * GardenMarkdown.Compiled page = compiler.compile("Research/Overview.md", frontMatterJson);
 * page.markdown(); page.attachments(); page.problems();
 * }</pre>
 */
final class GardenMarkdown {
    /** Where the plugin puts attachments on the site. */
    static final String ATTACHMENTS = "/img/user/";
    private static final int MAX_TRANSCLUSION_DEPTH = 4;

    // The plugin's own patterns (src/utils/regexes.ts and the compiler), kept as it writes them.
    private static final Pattern FRONT_MATTER = Pattern.compile("^\\s*?---[\\r\\n]([\\s\\S]*?)[\\r\\n]---");
    private static final Pattern CODE_BLOCK = Pattern.compile("```.*?[\\r\\n][\\s\\S]+?```");
    private static final Pattern CODE_FENCE = Pattern.compile("`(.*?)`");
    private static final Pattern BLOCK_REF = Pattern.compile("(\\^\\w+([\\r\\n]|$))");
    private static final Pattern DATAVIEW_BLOCK = Pattern.compile("```\\s*dataview\\s(.+?)```", Pattern.DOTALL);
    private static final Pattern BASE_BLOCK = Pattern.compile("```[ \\t]*base[ \\t]*\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern DATAVIEWJS_BLOCK = Pattern.compile("```\\s*dataviewjs\\s(.+?)```", Pattern.DOTALL);
    private static final Pattern INLINE_QUERY = Pattern.compile("`=(.+?)`", Pattern.DOTALL);
    private static final Pattern INLINE_JS_QUERY = Pattern.compile("`\\$=(.+?)`", Pattern.DOTALL);
    private static final Pattern TRANSCLUSION = Pattern.compile("!\\[\\[(.+?)\\]\\]");
    private static final Pattern WIKILINK = Pattern.compile("\\[\\[(.+?)\\]\\]");
    private static final Pattern MARKDOWN_LINK = Pattern.compile(
            "(?<!!)\\[([^\\[\\]]*)\\]\\(\\s*([^)\\s]+?\\.(?:md|markdown|canvas))((?:#[^)\\s]*)?)\\s*\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern COMMENT = Pattern.compile("%%.+?%%", Pattern.DOTALL);
    private static final Pattern SIMPLE_BLOCK_ID = Pattern.compile(" \\^([\\w\\d-]+)");
    private static final Pattern LONE_BLOCK_ID = Pattern.compile("[\\r\\n]\\^([\\w\\d-]+)[\\r\\n]");
    private static final Pattern FENCED = Pattern.compile("```[\\s\\S]*?```");
    // Images the plugin uploads (it inlines SVG markup instead; an SVG is published here as an image too).
    private static final String IMAGE_EXTENSIONS = "png|jpg|jpeg|gif|webp|svg";
    private static final Pattern EMBEDDED_IMAGE = Pattern.compile(
            "!\\[\\[(.*?)(\\.(" + IMAGE_EXTENSIONS + "))\\\\?\\|(.*?)\\]\\]|!\\[\\[(.*?)(\\.(" + IMAGE_EXTENSIONS + "))\\]\\]", Pattern.CASE_INSENSITIVE);
    private static final Pattern MARKDOWN_IMAGE = Pattern.compile("!\\[(.*?)\\]\\((.*?)(\\.(" + IMAGE_EXTENSIONS + "))\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern LINKED_FILE = Pattern.compile("\\[\\[(.*?)(\\.(png|jpg|jpeg|gif|webp|svg|pdf))(.*?)\\]\\]", Pattern.CASE_INSENSITIVE);
    private static final Pattern EMBEDDED_PDF = Pattern.compile("!\\[\\[(.*?)(\\.pdf)\\\\?\\|(.*?)\\]\\]|!\\[\\[(.*?)(\\.pdf)\\]\\]", Pattern.CASE_INSENSITIVE);
    private static final Pattern MARKDOWN_PDF = Pattern.compile("!\\[(.*?)\\]\\((.*?)(\\.pdf)\\)", Pattern.CASE_INSENSITIVE);
    private static final String LINK_ICON = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"24\" height=\"24\" viewBox=\"0 0 24 24\" fill=\"none\" "
            + "stroke=\"currentColor\" stroke-width=\"2\" stroke-linecap=\"round\" stroke-linejoin=\"round\" class=\"svg-icon lucide-link\">"
            + "<path d=\"M10 13a5 5 0 0 0 7.54.54l3-3a5 5 0 0 0-7.07-7.07l-1.72 1.71\"></path>"
            + "<path d=\"M14 11a5 5 0 0 0-7.54-.54l-3 3a5 5 0 0 0 7.07 7.07l1.71-1.71\"></path></svg>";

    /** How the compiler runs Dataview: blocks rendered to HTML, inline expressions evaluated, both in one note. */
    interface Dataview {
        String renderQuery(String query, String originPath);

        Value evaluate(String expression, String originPath);

        String text(Value value);
    }

    /** How the compiler draws Obsidian Bases: a base's views as HTML, and the text of a base file. */
    interface Bases {
        /**
         * @param view        the one view to draw, or null for all; {@code thisPath} is the note the base shows in
         * @param attachments where the vault paths of the images the views show are added
         */
        String render(BaseSource source, String view, String thisPath, Set<String> attachments) throws BaseException;

        Optional<String> text(String basePath);
    }

    /** The compiled page: its markdown, the attachments it shows (vault paths), and what could not be rendered. */
    record Compiled(String markdown, Set<String> attachments, List<String> errors, List<String> warnings) {}

    private final Function<String, Optional<String>> texts;
    private final GraphLinks files;
    private final GardenNotes garden;
    private final Dataview dataview;
    private final Bases bases;
    private final boolean forSite;

    /**
     * @param texts   a note's whole text by its vault path (from the graph)
     * @param files   the vault's files, to resolve links as Obsidian does
     * @param garden  which notes are published, at which permalinks, and which may be embedded
     * @param forSite  whether the markdown is for rendering to HTML here: then each block of HTML the compiler puts in
     *                 (a query's result, an embed) ends with a blank line, so that the text after it is read as markdown
     *                 again; the plugin's own markup runs it into the HTML block
     */
    GardenMarkdown(Function<String, Optional<String>> texts, GraphLinks files, GardenNotes garden, Dataview dataview, Bases bases, boolean forSite) {
        this.texts = texts;
        this.files = files;
        this.garden = garden;
        this.dataview = dataview;
        this.bases = bases;
        this.forSite = forSite;
    }

    /** Per page: what it shows and what went wrong. */
    private static final class Run {
        final Set<String> attachments = new LinkedHashSet<>();
        final List<String> errors = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
    }

    Compiled compile(String notePath, String frontMatter) {
        String text = texts.apply(notePath).orElse("");
        Run run = new Run();
        Matcher fm = FRONT_MATTER.matcher(text);
        text = fm.find() ? frontMatter + text.substring(fm.end()) : frontMatter + text;
        text = replaceBlockIds(text);
        text = transclude(text, notePath, 0, run);
        text = dataviews(text, notePath, run);
        text = baseBlocks(text, notePath, run);
        text = linksToFullPath(text, notePath);
        text = markdownLinksToFullPath(text, notePath);
        text = removeComments(text);
        text = embeddedAssets(text, notePath, run);
        return new Compiled(text, run.attachments, run.errors, run.warnings);
    }

    // ---- block ids: "text ^id" becomes "text\n{ #id}\n", for the site's attribute syntax

    static String replaceBlockIds(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher code = FENCED.matcher(markdown);
        StringBuilder masked = new StringBuilder();
        while (code.find()) {
            blocks.add(code.group());
            code.appendReplacement(masked, Matcher.quoteReplacement("{{CODE_BLOCK_" + (blocks.size() - 1) + "}}"));
        }
        code.appendTail(masked);
        String out = LONE_BLOCK_ID.matcher(masked).replaceAll(m -> Matcher.quoteReplacement("{ #" + m.group(1) + "}\n\n"));
        out = SIMPLE_BLOCK_ID.matcher(out).replaceAll(m -> Matcher.quoteReplacement("\n{ #" + m.group(1) + "}\n"));
        for (int i = 0; i < blocks.size(); i++) out = out.replace("{{CODE_BLOCK_" + i + "}}", blocks.get(i));
        return out;
    }

    // ---- transclusions

    private String transclude(String text, String notePath, int depth, Run run) {
        if (depth >= MAX_TRANSCLUSION_DEPTH) return text;
        List<int[]> code = codeRanges(text);
        StringBuilder out = new StringBuilder();
        Matcher m = TRANSCLUSION.matcher(text);
        int copied = 0;
        while (m.find()) {
            // The plugin also embeds inside code (its known issue #113); code is shown as written here.
            if (inside(code, m.start())) continue;
            String whole = m.group();
            String inner = whole.substring(whole.indexOf('[') + 2, whole.indexOf(']'));
            String[] parts = inner.split("\\|", -1);
            String fileName = parts[0];
            String headerName = parts.length > 1 ? parts[1] : null;
            String linkpath = linkpath(fileName);
            if (linkpath.isEmpty()) continue;
            Optional<String> target = resolveExactly(linkpath, notePath);
            if (target.isPresent() && target.get().toLowerCase(java.util.Locale.ROOT).endsWith(".base")) {
                String view = fileName.contains("#") ? fileName.substring(fileName.indexOf('#') + 1).strip() : null;
                String drawn = embeddedBase(target.get(), view, notePath, lineInNote(notePath, whole, text, m.start()), run);
                out.append(text, copied, m.start()).append(drawn);
                copied = m.end();
                continue;
            }
            if (target.isEmpty() || !files.isNote(target.get())) continue;
            String linked = target.get();
            if (linked.toLowerCase(java.util.Locale.ROOT).endsWith(".excalidraw.md")) continue;
            if (!garden.mayEmbed(linked)) {
                run.warnings.add(notePath + ": " + linked + " is not embedded: its front matter says 'dg-publish: false'");
                continue;
            }
            String embedded = transclusion(linked, fileName, headerName, depth, run);
            // On the site, an embed written inside a callout or quote stays inside it.
            String quote = forSite ? quotePrefix(text, m.start()) : "";
            out.append(text, copied, m.start()).append(quote.isEmpty() ? embedded : embedded.replace("\n", "\n" + quote));
            copied = m.end();
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** Where code blocks and code spans are in a text, as [start, end) pairs. */
    private static List<int[]> codeRanges(String text) {
        List<int[]> ranges = new ArrayList<>();
        CODE_BLOCK.matcher(text).results().forEach(r -> ranges.add(new int[] {r.start(), r.end()}));
        CODE_FENCE.matcher(text).results().forEach(r -> ranges.add(new int[] {r.start(), r.end()}));
        return ranges;
    }

    private static boolean inside(List<int[]> ranges, int offset) {
        for (int[] r : ranges) if (offset >= r[0] && offset < r[1]) return true;
        return false;
    }

    /** The quote markers ("> ", "> > ") that start the line a match is on, or "" when the line is no quote. */
    private static String quotePrefix(String text, int offset) {
        int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        Matcher quote = Pattern.compile("^(\\s{0,3}>\\s?)+").matcher(text.substring(lineStart, offset));
        return quote.find() ? quote.group() : "";
    }

    private String transclusion(String linked, String fileName, String headerName, int depth, Run run) {
        String fileText = texts.apply(linked).orElse("");
        String sectionId = "";
        if (fileName.contains("#^")) {
            String ref = fileName.split("#\\^", -1)[1];
            sectionId = "#" + Slugify.slug(ref);
            Optional<NoteSections.Block> block = NoteSections.of(fileText).block(ref);
            if (block.isPresent()) {
                String[] lines = fileText.split("\n", -1);
                fileText = String.join("\n", java.util.Arrays.asList(lines).subList(block.get().start(), Math.min(lines.length, block.get().end() + 1)))
                        .replaceFirst(Pattern.quote("^" + ref), "");
            }
        } else if (fileName.contains("#")) {
            String ref = fileName.split("#", -1)[1];
            String slug = Slugify.slug(ref);
            sectionId = "#" + slug;
            List<NoteSections.Heading> headings = NoteSections.of(fileText).headings();
            Optional<NoteSections.Heading> heading = headings.stream().filter(h -> Slugify.slug(h.text()).equals(slug)).findFirst();
            if (heading.isPresent()) {
                String[] lines = fileText.split("\n", -1);
                int from = heading.get().line();
                int to = headings.stream().filter(h -> h.line() > from && h.level() <= heading.get().level())
                        .mapToInt(NoteSections.Heading::line).findFirst().orElse(lines.length);
                fileText = String.join("\n", java.util.Arrays.asList(lines).subList(from, to));
            }
        }
        Matcher fm = FRONT_MATTER.matcher(fileText);
        if (fm.find()) fileText = fileText.substring(0, fm.start()) + fileText.substring(fm.end());
        fileText = BLOCK_REF.matcher(fileText).replaceAll("");
        String header = transclusionHeader(headerName, linked);
        String headerSection = header != null ? "<div class=\"markdown-embed-title\">\n\n" + header + "\n\n</div>\n" : "";
        String section = sectionId;
        String embedLink = garden.permalink(linked)
                .map(p -> "<a class=\"markdown-embed-link\" href=\"" + p + section + "\" aria-label=\"Open link\">" + LINK_ICON + "</a>")
                .orElse("");
        fileText = "\n<div class=\"transclusion internal-embed is-loaded\">" + embedLink + "<div class=\"markdown-embed\">\n\n"
                + headerSection + "\n\n" + fileText + "\n\n</div></div>\n" + (forSite ? "\n" : "");
        if (TRANSCLUSION.matcher(fileText).find()) fileText = transclude(fileText, linked, depth + 1, run);
        return baseBlocks(dataviews(fileText, linked, run), linked, run);
    }

    /** The plugin's embed title: {@code {{title}}} is the file's name, and a heading gets its hashes and space. */
    static String transclusionHeader(String headerName, String linked) {
        if (headerName == null) return null;
        String h = headerName.replace("{{title}}", org.vaultgraph.dql.value.DvLink.fileTitle(linked));
        Matcher m = Pattern.compile("^(#+)(\\s?)(.*)$", Pattern.DOTALL).matcher(h);
        if (m.matches()) return m.group(1) + " " + m.group(3);
        return "# " + h.strip();
    }

    // ---- Dataview

    private String dataviews(String text, String notePath, Run run) {
        String out = text;
        Matcher block = DATAVIEW_BLOCK.matcher(text);
        while (block.find()) {
            String query = block.group(1);
            boolean inCallout = false;
            List<String> lines = new ArrayList<>();
            for (String part : query.split("\n", -1)) {
                if (part.startsWith(">")) {
                    inCallout = true;
                    lines.add(part.substring(1).strip());
                } else {
                    lines.add(part);
                }
            }
            String finalQuery = inCallout ? String.join("\n", lines) : query;
            String html;
            try {
                html = dataview.renderQuery(finalQuery, notePath);
            } catch (DqlException e) {
                int line = lineInNote(notePath, block.group(), text, block.start()) + lineOf(block.group(), block.start(1) - block.start()) - 1;
                if (e instanceof DqlSyntaxException syntax) line += syntax.line() - 1;
                run.errors.add(notePath + ":" + line + ": dataview query: " + e.getMessage());
                html = DataviewRenderer.error(e.getMessage());
            }
            if (forSite) html += "\n";
            if (inCallout) html = " " + String.join("\n> ", html.split("\n", -1));
            out = out.replace(block.group(), html);
        }
        Matcher js = DATAVIEWJS_BLOCK.matcher(out);
        while (js.find()) {
            run.warnings.add(notePath + ":" + lineInNote(notePath, js.group(), out, js.start()) + ": a dataviewjs block is JavaScript, which vaultgraph does not run; left as code");
        }
        Matcher inlineJs = INLINE_JS_QUERY.matcher(out);
        while (inlineJs.find()) {
            run.warnings.add(notePath + ":" + lineInNote(notePath, inlineJs.group(), out, inlineJs.start()) + ": an inline JavaScript query is not run; left as code");
        }
        Matcher inline = INLINE_QUERY.matcher(out);
        StringBuilder evaluated = new StringBuilder();
        while (inline.find()) {
            String replacement = inline.group();
            try {
                Value value = dataview.evaluate(inline.group(1).strip(), notePath);
                // The plugin writes a value only when JavaScript holds it true: 0, "", false and null leave the query as written.
                if (isJsTruthy(value)) replacement = dataview.text(value);
            } catch (DqlException e) {
                run.warnings.add(notePath + ":" + lineInNote(notePath, inline.group(), out, inline.start()) + ": inline query left as written: " + e.getMessage());
            }
            inline.appendReplacement(evaluated, Matcher.quoteReplacement(replacement));
        }
        inline.appendTail(evaluated);
        return evaluated.toString();
    }

    // ---- Obsidian Bases

    /** Each ```base block drawn in place as the base's views; a base that cannot run shows its error. */
    private String baseBlocks(String text, String notePath, Run run) {
        Matcher block = BASE_BLOCK.matcher(text);
        StringBuilder out = new StringBuilder();
        while (block.find()) {
            int line = lineInNote(notePath, block.group(), text, block.start()) + lineOf(block.group(), block.start(1) - block.start()) - 1;
            String html = drawBase(new BaseSource(notePath, line, block.group(1)), null, notePath, run);
            block.appendReplacement(out, Matcher.quoteReplacement(html));
        }
        block.appendTail(out);
        return out.toString();
    }

    /** An embedded base file ({@code ![[Books.base#Reading]]}) drawn in place: the view named, else all. */
    private String embeddedBase(String basePath, String view, String notePath, int line, Run run) {
        Optional<String> text = bases.text(basePath);
        if (text.isEmpty()) {
            run.errors.add(notePath + ":" + line + ": " + basePath + " is no base file the graph holds");
            return "";
        }
        return drawBase(new BaseSource(basePath, 1, text.get()), view, notePath, run);
    }

    private String drawBase(BaseSource source, String view, String thisPath, Run run) {
        String html;
        try {
            html = bases.render(source, view, thisPath, run.attachments);
        } catch (BaseException e) {
            run.errors.add(e.getMessage());
            html = BaseHtml.error(e.getMessage());
        }
        return "\n" + html + "\n" + (forSite ? "\n" : "");
    }

    private static boolean isJsTruthy(Value v) {
        if (v instanceof Value.Null) return false;
        if (v instanceof Value.Bool b) return b.value();
        if (v instanceof Value.Num n) return n.value() != 0 && !Double.isNaN(n.value());
        if (v instanceof Value.Text t) return !t.value().isEmpty();
        return true;
    }

    /** The line of the note where {@code written} stands, as the author sees it; else its line in the compiled text. */
    private int lineInNote(String notePath, String written, String compiled, int offset) {
        String original = texts.apply(notePath).orElse("");
        int at = original.indexOf(written);
        return at >= 0 ? lineOf(original, at) : lineOf(compiled, offset);
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) if (text.charAt(i) == '\n') line++;
        return line;
    }

    // ---- links as full vault paths

    /** The text with code blocks, code spans and front matter taken out: where the plugin looks for links. */
    private static String outsideCode(String text) {
        String t = CODE_BLOCK.matcher(text).replaceAll("");
        t = CODE_FENCE.matcher(t).replaceAll("");
        return FRONT_MATTER.matcher(t).replaceFirst("");
    }

    private String linksToFullPath(String text, String notePath) {
        String outside = outsideCode(text);
        if (!outside.contains("[[")) return text; // the common case, cheaply: a page of query results is long
        String converted = text;
        Matcher m = WIKILINK.matcher(outside);
        Set<String> done = new java.util.HashSet<>();
        while (m.find()) {
            String match = m.group();
            if (!done.add(match)) continue;
            String inside = match.substring(match.indexOf('[') + 2, match.lastIndexOf(']') - 1);
            String[] parts = inside.split("\\|", -1);
            String linkedFileName = parts[0];
            String display = parts.length > 1 ? parts[1] : null;
            if (linkedFileName.endsWith("\\")) linkedFileName = linkedFileName.substring(0, linkedFileName.length() - 1);
            if (display == null || display.isEmpty()) display = linkedFileName;
            String headerPath = "";
            if (linkedFileName.contains("#")) {
                String[] split = linkedFileName.split("#", -1);
                linkedFileName = split[0];
                headerPath = split.length > 1 ? "#" + split[1] : "";
            }
            if (linkedFileName.isEmpty() && !headerPath.isEmpty()) {
                converted = converted.replace(match, "[[" + withoutExtension(notePath) + headerPath + "\\|" + display + "]]");
                continue;
            }
            String linkpath = linkpath(linkedFileName);
            if (linkpath.isEmpty()) continue;
            Optional<String> linked = resolveExactly(linkpath, notePath);
            if (linked.isEmpty()) {
                converted = converted.replace(match, "[[" + linkedFileName + headerPath + "\\|" + display + "]]");
            } else if (files.isNote(linked.get()) || linked.get().endsWith(".canvas")) {
                String path = linked.get().endsWith(".canvas") ? linked.get() : withoutExtension(linked.get());
                converted = converted.replace(match, "[[" + path + headerPath + "\\|" + display + "]]");
            }
        }
        return converted;
    }

    private String markdownLinksToFullPath(String text, String notePath) {
        String outside = outsideCode(text);
        if (!outside.contains("](")) return text;
        String converted = text;
        Matcher m = MARKDOWN_LINK.matcher(outside);
        while (m.find()) {
            String rawTarget = m.group(2);
            if (rawTarget.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) continue;
            String target = decode(rawTarget);
            boolean explicitRelative = target.startsWith("./") || target.startsWith("../");
            String relative = relativeTo(notePath, target);
            List<String> candidates = new ArrayList<>();
            if (explicitRelative) {
                if (relative != null) candidates.add(relative);
                candidates.add(target);
            } else {
                candidates.add(target);
                if (relative != null) candidates.add(relative);
            }
            Optional<String> linked = Optional.empty();
            for (String candidate : candidates) {
                linked = files.resolvePath(candidate, notePath);
                if (linked.isPresent()) break;
            }
            if (linked.isEmpty() || !(files.isNote(linked.get()) || linked.get().endsWith(".canvas"))) continue;
            String extensionless = withoutExtension(linked.get());
            String path = linked.get().endsWith(".canvas") ? extensionless + ".canvas" : extensionless;
            String display = m.group(1).isEmpty() ? extensionless.substring(extensionless.lastIndexOf('/') + 1) : m.group(1);
            converted = converted.replace(m.group(), "[[" + path + decode(m.group(3) == null ? "" : m.group(3)) + "\\|" + display + "]]");
        }
        return converted;
    }

    private static String relativeTo(String notePath, String target) {
        List<String> segments = new ArrayList<>();
        int slash = notePath.lastIndexOf('/');
        if (slash > 0) segments.addAll(List.of(notePath.substring(0, slash).split("/")));
        for (String part : target.split("/")) {
            if (part.isEmpty() || part.equals(".")) continue;
            if (part.equals("..")) {
                if (segments.isEmpty()) return null;
                segments.remove(segments.size() - 1);
            } else {
                segments.add(part);
            }
        }
        return String.join("/", segments);
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    // ---- comments

    private static String removeComments(String text) {
        if (!text.contains("%%")) return text;
        List<String> skip = new ArrayList<>();
        CODE_BLOCK.matcher(text).results().forEach(r -> skip.add(r.group()));
        CODE_FENCE.matcher(text).results().forEach(r -> skip.add(r.group()));
        String out = text;
        Matcher m = COMMENT.matcher(text);
        while (m.find()) {
            String comment = m.group();
            if (skip.stream().anyMatch(s -> s.contains(comment))) continue;
            out = out.replaceFirst(Pattern.quote(comment), "");
        }
        return out;
    }

    // ---- embedded images and files

    private String embeddedAssets(String text, String notePath, Run run) {
        Matcher fm = Pattern.compile("^\\s*?---[\\r\\n][\\s\\S]*?[\\r\\n]---").matcher(text);
        String frontMatter = fm.find() ? fm.group() : "";
        String body = text.substring(frontMatter.length());
        String out = body;

        // Each pattern is tried only where its opening bracket occurs: a page of query results is long and has none.
        boolean embeds = body.contains("![[");
        boolean images = body.contains("![");
        Matcher embedded = EMBEDDED_IMAGE.matcher(embeds ? body : "");
        while (embedded.find()) {
            String match = embedded.group();
            String inner = match.substring(match.indexOf('[') + 2, match.indexOf(']'));
            String[] parts = inner.split("\\\\?\\|", -1);
            String imageName = parts[0];
            List<String> metaAndSize = List.of(parts).subList(1, parts.length);
            String last = metaAndSize.isEmpty() ? null : metaAndSize.get(metaAndSize.size() - 1);
            boolean lastIsSize = last != null && leadingInteger(last);
            String size = lastIsSize ? last : null;
            String meta = "";
            if (metaAndSize.size() > 1) meta = String.join(" ", metaAndSize.subList(0, metaAndSize.size() - 1));
            if (!lastIsSize && last != null) meta = last;
            Optional<String> file = attachment(linkpath(imageName), notePath);
            if (file.isEmpty()) continue;
            String name;
            if (!meta.isEmpty() && size != null) name = imageName + "\\|" + meta + "\\|" + size;
            else if (size != null) name = imageName + "\\|" + size;
            else if (!meta.isEmpty()) name = imageName + "\\|" + meta;
            else name = imageName;
            run.attachments.add(file.get());
            out = out.replace(match, "![" + name + "](" + LinkAddresses.encodeUri(ATTACHMENTS + file.get()) + ")");
        }

        Matcher image = MARKDOWN_IMAGE.matcher(images ? body : "");
        while (image.find()) {
            String match = image.group();
            String name = match.substring(match.indexOf('[') + 1, match.indexOf(']'));
            String path = match.substring(match.lastIndexOf('(') + 1, match.lastIndexOf(')'));
            if (path.startsWith("http") || path.startsWith(ATTACHMENTS)) continue;
            Optional<String> file = attachment(decode(path), notePath);
            if (file.isEmpty()) continue;
            run.attachments.add(file.get());
            out = out.replace(match, "![" + name + "](" + LinkAddresses.encodeUri(ATTACHMENTS + file.get()) + ")");
        }

        Matcher linked = LINKED_FILE.matcher(body.contains("[[") ? body : "");
        while (linked.find()) {
            if (linked.start() > 0 && body.charAt(linked.start() - 1) == '!') continue;
            String raw = linked.group();
            String inside = raw.substring(raw.indexOf("[[") + 2, raw.lastIndexOf("]]"));
            int bar = inside.indexOf('|');
            String fileName = bar < 0 ? inside : inside.substring(0, bar);
            String display = bar < 0 ? fileName : inside.substring(bar + 1);
            if (fileName.endsWith("\\")) fileName = fileName.substring(0, fileName.length() - 1);
            Optional<String> file = attachment(linkpath(fileName), notePath);
            if (file.isEmpty()) continue;
            run.attachments.add(file.get());
            out = out.replace(raw, "[" + display + "](" + LinkAddresses.encodeUri(ATTACHMENTS + file.get()) + ")");
        }

        Matcher pdf = EMBEDDED_PDF.matcher(embeds ? body : "");
        while (pdf.find()) {
            String match = pdf.group();
            String[] parts = match.substring(match.indexOf('[') + 2, match.indexOf(']')).split("\\|", -1);
            String alt = parts.length > 1 ? String.join("|", List.of(parts).subList(1, parts.length)) : parts[0];
            Optional<String> file = attachment(linkpath(parts[0]), notePath);
            if (file.isEmpty()) continue;
            run.attachments.add(file.get());
            out = out.replace(match, pdfFrame(ATTACHMENTS + file.get(), alt));
        }
        Matcher mdPdf = MARKDOWN_PDF.matcher(images ? body : "");
        while (mdPdf.find()) {
            String match = mdPdf.group();
            String name = match.substring(match.indexOf('[') + 1, match.indexOf(']'));
            String path = match.substring(match.lastIndexOf('(') + 1, match.lastIndexOf(')'));
            if (path.startsWith("http")) {
                out = out.replace(match, pdfFrame(path, name.isEmpty() ? "External PDF" : name));
                continue;
            }
            Optional<String> file = attachment(decode(path), notePath);
            if (file.isEmpty()) continue;
            run.attachments.add(file.get());
            out = out.replace(match, pdfFrame(ATTACHMENTS + file.get(), name.isEmpty() ? org.vaultgraph.dql.value.DvLink.fileTitle(file.get()) : name));
        }
        return frontMatter + out;
    }

    private static String pdfFrame(String src, String title) {
        return "<iframe src=\"" + LinkAddresses.encodeUri(src) + "\" width=\"100%\" height=\"900px\" title=\"" + title
                + "\" style=\"border:1px solid #ccc;\"></iframe>";
    }

    private static boolean leadingInteger(String s) {
        String t = s.strip();
        return !t.isEmpty() && (Character.isDigit(t.charAt(0)) || (t.length() > 1 && (t.charAt(0) == '-' || t.charAt(0) == '+') && Character.isDigit(t.charAt(1))));
    }

    private Optional<String> attachment(String linkpath, String notePath) {
        if (linkpath.isEmpty()) return Optional.empty();
        return files.resolvePath(linkpath, notePath).filter(files::isAttachment);
    }

    /** Obsidian's {@code getLinkpath}: the link without its {@code #heading} or {@code #^block}. */
    static String linkpath(String link) {
        int hash = link.indexOf('#');
        return hash < 0 ? link : link.substring(0, hash);
    }

    /** Resolves as Obsidian's metadata cache does, which takes the link text as it is: " Note " names no note. */
    private Optional<String> resolveExactly(String linkpath, String notePath) {
        if (!linkpath.equals(linkpath.strip())) return Optional.empty();
        return files.resolvePath(linkpath, notePath);
    }

    private static String withoutExtension(String path) {
        int dot = path.lastIndexOf('.');
        return dot > path.lastIndexOf('/') ? path.substring(0, dot) : path;
    }

    /** The front matter the plugin writes, as one line of JSON between {@code ---} lines. */
    static String frontMatter(Map<String, Object> values) {
        return "---\n" + Json.write(values) + "\n---\n";
    }
}
