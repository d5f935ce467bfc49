// Turns Dataview values into the JSON of the golden files (the encoding is described in the README).

/** Item keys that only repeat another key under a deprecated name (children, task, section). */
const DEPRECATED_ITEM_KEYS = new Set(["subtasks", "real", "header"]);

export function createEncoder(dv) {
    const { Values, renderMinimalDuration } = dv;

    function encode(value) {
        const wrapped = Values.wrapValue(value);
        if (!wrapped) return { other: `unknown ${typeof value}` };
        switch (wrapped.type) {
            case "null":
                return null;
            case "boolean":
            case "string":
                return wrapped.value;
            case "number":
                return Number.isFinite(wrapped.value) ? wrapped.value : { number: String(wrapped.value) };
            case "date":
                return { date: wrapped.value.toISO(), zone: wrapped.value.zoneName };
            case "duration":
                return {
                    duration: wrapped.value.toISO(),
                    millis: wrapped.value.toMillis(),
                    text: renderMinimalDuration(wrapped.value),
                };
            case "link":
                return {
                    link: {
                        path: wrapped.value.path,
                        display: wrapped.value.display ?? null,
                        subpath: wrapped.value.subpath ?? null,
                        type: wrapped.value.type,
                        embed: !!wrapped.value.embed,
                    },
                };
            case "array":
                return wrapped.value.map(encode);
            case "object":
                return { object: Object.entries(wrapped.value).map(([k, v]) => [k, encode(v)]) };
            case "widget":
                return { other: `widget ${wrapped.value.$widget}: ${wrapped.value.markdown()}` };
            case "function":
                return { other: "function" };
            case "html":
                return { other: "html" };
        }
    }

    /**
     * A list item or task as an object of its own keys (those Dataview's list item serialization gives it, in that
     * order, without the deprecated aliases), children encoded the same way, recursively.
     */
    function encodeItem(item, ownKeys) {
        const keys = ownKeys(item) ?? Object.keys(item);
        const entries = [];
        for (const key of keys) {
            if (DEPRECATED_ITEM_KEYS.has(key) || !(key in item)) continue;
            if (key === "children") entries.push([key, item.children.map(child => encodeItem(child, ownKeys))]);
            else entries.push([key, encode(item[key])]);
        }
        return { object: entries };
    }

    /** A task grouping: items, or groups {key, rows} nested as deep as the query grouped. */
    function encodeGrouping(grouping, ownKeys) {
        if (grouping.length > 0 && dv.Groupings.isGrouping(grouping))
            return grouping.map(group => ({ key: encode(group.key), rows: encodeGrouping(group.rows, ownKeys) }));
        return grouping.map(item => encodeItem(item, ownKeys));
    }

    return { encode, encodeItem, encodeGrouping };
}
