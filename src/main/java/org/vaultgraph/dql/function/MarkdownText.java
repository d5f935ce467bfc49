package org.vaultgraph.dql.function;

import java.util.regex.Pattern;

/**
 * Markdown reduced to its text, as Dataview's {@code display()} shows text: wikilinks by their alias or
 * target, then the usual markdown markers (emphasis, code, headings, list leaders, quotes, HTML tags,
 * markdown links and images) stripped by the rules of the remove-markdown package Dataview uses.
 */
final class MarkdownText {
    private MarkdownText() {}

    private record Rule(Pattern pattern, String replacement, boolean global) {}

    private static Rule rule(String jsPattern, String flags, String replacement) {
        return new Rule(JsRegex.compile(jsPattern, flags), replacement, flags.contains("g"));
    }

    private static final Rule[] RULES = {
        rule("^(-\\s*?|\\*\\s*?|_\\s*?){3,}\\s*", "gm", ""),
        rule("^([\\s\\t]*)([\\*\\-\\+]|\\d+\\.)\\s+", "gm", "$1"),
        rule("\\n={2,}", "g", "\n"),
        rule("~{3}.*\\n", "g", ""),
        rule("~~", "g", ""),
        rule("`{3}.*\\n", "g", ""),
        rule("<[^>]*>", "g", ""),
        rule("<[^>]*>", "g", ""),
        rule("^[=\\-]{2,}\\s*$", "g", ""),
        rule("\\[\\^.+?\\](\\: .*?$)?", "g", ""),
        rule("\\s{0,2}\\[.*?\\]: .*?$", "g", ""),
        rule("\\!\\[(.*?)\\][\\[\\(].*?[\\]\\)]", "g", "$1"),
        rule("\\[([^\\]]*?)\\][\\[\\(].*?[\\]\\)]", "g", "$1"),
        rule("^(\\n)?\\s{0,3}>\\s?", "gm", "$1"),
        rule("^\\s{1,2}\\[(.*?)\\]: (\\S+)( \".*?\")?\\s*$", "g", ""),
        rule("^(\\n)?\\s{0,}#{1,6}\\s*( (.+))? +#+$|^(\\n)?\\s{0,}#{1,6}\\s*( (.+))?$", "gm", "$1$3$4$6"),
        rule("([\\*]+)(\\S)(.*?\\S)??\\1", "g", "$2$3"),
        rule("(^|\\W)([_]+)(\\S)(.*?\\S)??\\2($|\\W)", "g", "$1$3$4$5"),
        rule("(`{3,})(.*?)\\1", "gm", "$2"),
        rule("`(.+?)`", "g", "$1"),
        rule("~(.*?)~", "g", "$1"),
    };

    private static final Rule PLAIN_LINKS = rule("\\[\\[([^\\|]*?)\\]\\]", "g", "$1");
    private static final Rule ALIASED_LINK = rule("\\[\\[.*?\\|(.*?)\\]\\]", "", "$1");

    /** Dataview's {@code normalizeMarkdown}. */
    static String strip(String markdown) {
        String out = apply(PLAIN_LINKS, markdown);
        out = apply(ALIASED_LINK, out);
        for (Rule r : RULES) out = apply(r, out);
        return out;
    }

    private static String apply(Rule r, String text) {
        return JsRegex.replace(text, r.pattern(), r.replacement(), r.global());
    }
}
