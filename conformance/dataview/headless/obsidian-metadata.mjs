// Computes from a markdown file the per-note metadata Obsidian's metadata cache holds (CachedMetadata), as far
// as Dataview's importer reads it: front matter, front matter links, links, embeds, tags, headings, sections and
// list items. This is the one emulated part of the generator; the README lists its rules and their limits.
import yaml from "js-yaml";

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const LIST_ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+|$)/;
const TASK_BOX = /^\[(.)\](?:[ \t]|$)/u;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const BLOCK_ID = /(?:^|\s)\^([A-Za-z0-9-]+)$/;
const WIKILINK = /(!?)\[\[([^\[\]]+?)\]\]/g;
const MARKDOWN_LINK = /(!?)\[([^\[\]]*)\]\((<[^<>]*>|[^()\s]+)\)/g;
const TAG = /(^|\s)#([^\s!-,.:-@\[-^`{-~\u2000-\u206F\u2E00-\u2E7F]+)/gu;
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Returns Obsidian's CachedMetadata for the text of one markdown file. */
export function computeMetadata(text) {
    const lines = text.split("\n");
    const offsets = lineOffsets(lines);
    const pos = (line, col) => ({ line, col, offset: offsets[line] + col });
    const span = (line, startCol, endLine, endCol) => ({ start: pos(line, startCol), end: pos(endLine, endCol) });

    const metadata = { links: [], embeds: [], tags: [], headings: [], sections: [], listItems: [] };
    let bodyStart = 0;

    const front = readFrontmatter(lines);
    if (front) {
        bodyStart = front.endLine + 1;
        metadata.sections.push({ type: "yaml", position: span(0, 0, front.endLine, 3) });
        metadata.frontmatterPosition = span(0, 0, front.endLine, 3);
        if (front.data) {
            metadata.frontmatter = front.data;
            metadata.frontmatterLinks = frontmatterLinks(front.data);
        }
    }

    const scanInline = (line, startCol = 0) => scanLine(lines[line], line, startCol, span, metadata);

    let i = bodyStart;
    while (i < lines.length) {
        const line = lines[i];
        if (line.trim() === "") {
            i++;
            continue;
        }

        const fence = FENCE.exec(line);
        if (fence) {
            let close = i + 1;
            while (close < lines.length && !lines[close].trimStart().startsWith(fence[1])) close++;
            const end = Math.min(close, lines.length - 1);
            metadata.sections.push({ type: "code", position: span(i, 0, end, lines[end].length) });
            i = end + 1;
            continue;
        }

        const heading = HEADING.exec(line);
        if (heading) {
            metadata.headings.push({
                heading: (heading[2] ?? "").trim(),
                level: heading[1].length,
                position: span(i, 0, i, line.length),
            });
            metadata.sections.push({ type: "heading", position: span(i, 0, i, line.length) });
            scanInline(i);
            i++;
            continue;
        }

        if (THEMATIC_BREAK.test(line)) {
            metadata.sections.push({ type: "thematicBreak", position: span(i, 0, i, line.length) });
            i++;
            continue;
        }

        const end = blockEnd(lines, i);
        const type = LIST_ITEM.test(line)
            ? "list"
            : line.startsWith(">")
            ? /^>\s*\[!/.test(line)
                ? "callout"
                : "blockquote"
            : line.startsWith("|")
            ? "table"
            : "paragraph";
        metadata.sections.push({ type, position: span(i, 0, end, lines[end].length) });
        if (type === "list") readList(lines, i, end, span, metadata);
        for (let l = i; l <= end; l++) scanInline(l);
        i = end + 1;
    }

    for (const key of Object.keys(metadata)) {
        if (Array.isArray(metadata[key]) && metadata[key].length === 0 && key !== "sections") delete metadata[key];
    }
    return metadata;
}

function lineOffsets(lines) {
    const offsets = [];
    let offset = 0;
    for (const line of lines) {
        offsets.push(offset);
        offset += line.length + 1;
    }
    return offsets;
}

/** Front matter: a first line '---' up to the next '---'; YAML with the core schema, so dates stay text. */
function readFrontmatter(lines) {
    if (lines[0] !== "---") return undefined;
    let end = 1;
    while (end < lines.length && lines[end] !== "---") end++;
    if (end >= lines.length) return undefined;

    let data;
    try {
        data = yaml.load(lines.slice(1, end).join("\n"), { schema: yaml.CORE_SCHEMA });
    } catch (error) {
        data = undefined;
    }
    if (data === null || typeof data !== "object" || Array.isArray(data)) data = undefined;
    return { endLine: end, data };
}

/** Links written as text values of front matter properties, top level and in top-level lists. */
function frontmatterLinks(frontmatter) {
    const result = [];
    const addFrom = (key, value) => {
        if (typeof value !== "string") return;
        for (const match of value.matchAll(WIKILINK)) {
            const { link, displayText } = wikilinkParts(match[2]);
            result.push({ key, link, original: match[0], displayText });
        }
    };
    for (const [key, value] of Object.entries(frontmatter)) {
        if (Array.isArray(value)) value.forEach((item, index) => addFrom(`${key}.${index}`, item));
        else addFrom(key, value);
    }
    return result;
}

/** A block runs to the next blank line, or to a line that starts a heading, a fence or a thematic break. */
function blockEnd(lines, start) {
    let end = start;
    while (end + 1 < lines.length) {
        const next = lines[end + 1];
        if (next.trim() === "" || FENCE.test(next) || HEADING.test(next) || THEMATIC_BREAK.test(next)) break;
        end++;
    }
    return end;
}

/** List items of one list block: nesting by marker column, continuation lines, task status and block ids. */
function readList(lines, start, end, span, metadata) {
    const open = [];
    let current;
    for (let l = start; l <= end; l++) {
        const match = LIST_ITEM.exec(lines[l]);
        if (!match) {
            if (current) current.position = span(current.position.start.line, current.position.start.col, l, lines[l].length);
            continue;
        }

        const markerCol = columns(match[1]);
        const contentCol = markerCol + match[2].length + Math.max(1, columns(match[3]));
        while (open.length > 0 && open[open.length - 1].contentCol > markerCol) open.pop();

        const rest = lines[l].substring(match[0].length);
        const box = TASK_BOX.exec(rest);
        current = {
            position: span(l, match[1].length, l, lines[l].length),
            parent: open.length > 0 ? open[open.length - 1].line : -start,
        };
        if (box) current.task = box[1];
        metadata.listItems.push(current);
        open.push({ line: l, contentCol });
    }

    for (const item of metadata.listItems) {
        if (item.position.start.line < start) continue;
        const blockId = BLOCK_ID.exec(lines[item.position.end.line]);
        if (blockId) item.id = blockId[1];
    }
}

/** Width of leading whitespace, a tab counting to the next multiple of four. */
function columns(whitespace) {
    let width = 0;
    for (const ch of whitespace) width = ch === "\t" ? width + 4 - (width % 4) : width + 1;
    return width;
}

/** Links, embeds and tags of one line; nothing inside inline code counts. */
function scanLine(text, line, startCol, span, metadata) {
    let masked = text.replace(/(`+)[^`]*?\1/g, m => " ".repeat(m.length));

    for (const match of masked.matchAll(WIKILINK)) {
        const { link, displayText } = wikilinkParts(match[2]);
        const entry = { link, original: match[0], displayText, position: span(line, match.index, line, match.index + match[0].length) };
        (match[1] ? metadata.embeds : metadata.links).push(entry);
    }
    masked = masked.replace(WIKILINK, m => " ".repeat(m.length));

    for (const match of masked.matchAll(MARKDOWN_LINK)) {
        let target = match[3].startsWith("<") ? match[3].slice(1, -1) : match[3];
        if (URL_SCHEME.test(target)) continue;
        try {
            target = decodeURI(target);
        } catch (error) {
            // keep the target as written when it is not valid percent-encoding
        }
        const entry = { link: target, original: match[0], displayText: match[2], position: span(line, match.index, line, match.index + match[0].length) };
        (match[1] ? metadata.embeds : metadata.links).push(entry);
    }
    masked = masked.replace(MARKDOWN_LINK, m => " ".repeat(m.length));
    masked = masked.replace(/https?:\/\/\S+/g, m => " ".repeat(m.length));

    for (const match of masked.matchAll(TAG)) {
        const name = match[2];
        if (/^[0-9\/]*$/.test(name)) continue;
        const start = match.index + match[1].length;
        metadata.tags.push({ tag: "#" + name, position: span(line, start, line, start + 1 + name.length) });
    }
}

/** Target and display text of a wikilink's inside: 'target|alias'; without an alias, the target with '#' as ' > '. */
export function wikilinkParts(inner) {
    const pipe = inner.indexOf("|");
    const link = (pipe >= 0 ? inner.substring(0, pipe) : inner).trim();
    const displayText = pipe >= 0 ? inner.substring(pipe + 1) : link.split("#").filter(p => p !== "").join(" > ");
    return { link, displayText };
}
