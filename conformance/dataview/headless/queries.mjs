// Reads queries.txt: blocks that start with '=== id', an optional 'in: path' line, then the query text.

export const DEFAULT_ORIGIN = "Queries.md";

export function parseQueryFile(text) {
    const blocks = [];
    let current = null;
    for (const line of text.split("\n")) {
        const start = /^===\s+(\S+)\s*$/.exec(line);
        if (start) {
            current = { id: start[1], in: null, lines: [] };
            blocks.push(current);
            continue;
        }
        if (!current) continue;
        if (current.lines.length === 0 && current.in === null) {
            const origin = /^in:\s*(.+?)\s*$/.exec(line);
            if (origin) {
                current.in = origin[1];
                continue;
            }
        }
        current.lines.push(line);
    }

    const seen = new Set();
    return blocks.map(block => {
        if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(block.id)) throw new Error(`query id is not kebab-case: ${block.id}`);
        if (seen.has(block.id)) throw new Error(`query id used twice: ${block.id}`);
        seen.add(block.id);
        const query = block.lines.join("\n").trim();
        if (query === "") throw new Error(`query ${block.id} has no text`);
        return { id: block.id, in: block.in ?? DEFAULT_ORIGIN, query };
    });
}
