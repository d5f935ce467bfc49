// Runs in a child process whose time zone and locale generate.mjs fixed: builds Dataview's index over the vault
// with Dataview's own code and runs every query as the plugin's views do. Prints the golden files' JSON as one
// object {expected, pages} on standard output.
import fs from "node:fs";
import { createApp } from "./obsidian-app.mjs";
import { createEncoder } from "./encode.mjs";
import { parseQueryFile } from "./queries.mjs";

const [bundlePath, vaultDir, queriesPath, configJson] = process.argv.slice(2);
const config = JSON.parse(configJson);

checkEnvironment();

// Standard output carries the result; Dataview's own log lines go to standard error.
console.log = console.info = console.debug = (...args) => console.error(...args);

// Dataview reads the locale from window.navigator and the starred-files cache sets timers on window.
globalThis.window = {
    navigator: { language: config.locale },
    setInterval,
    clearInterval,
    setTimeout,
    clearTimeout,
};

const dv = await import(bundlePath);
const nowMillis = dv.DateTime.fromISO(config.now, { zone: config.tz }).toMillis();
dv.LuxonSettings.now = () => nowMillis;

const settings = { ...dv.DEFAULT_SETTINGS };
const app = createApp(vaultDir, dv);
const index = await buildIndex(dv, app);
const { encode, encodeItem, encodeGrouping } = createEncoder(dv);
const ownKeys = itemKeyLookup(index);

const queries = parseQueryFile(fs.readFileSync(queriesPath, "utf8"));
const results = [];
for (const query of queries) {
    if (!index.pages.has(query.in)) throw new Error(`query ${query.id} runs in ${query.in}, which is not a note of the vault`);
    results.push({ id: query.id, in: query.in, query: query.query, ...(await runQuery(query.query, query.in)) });
}

const pages = [...index.pages.keys()].sort().map(pagePath => encodePage(pagePath));

index.unload();
process.stdout.write(JSON.stringify({ results, pages, settings }));

function checkEnvironment() {
    const resolved = Intl.DateTimeFormat().resolvedOptions();
    if (resolved.timeZone !== config.tz || resolved.locale !== config.locale) {
        throw new Error(`expected time zone ${config.tz} and locale ${config.locale}, got ${resolved.timeZone} and ${resolved.locale}`);
    }
}

/** Dataview's own index, initialised as the plugin does, with an empty stand-in for its IndexedDB cache. */
async function buildIndex(dv, app) {
    const index = dv.FullIndex.create(app, config.dataviewVersion, () => {});
    index.persister = {
        loadFile: async () => null,
        storeFile: async () => {},
        synchronize: async () => new Set(),
        recreate: async () => {},
    };
    const ready = new Promise(resolve => app.metadataCache.on("dataview:index-ready", resolve));
    index.initialize();
    await ready;

    const expected = app.vault.getMarkdownFiles().length;
    if (index.pages.size !== expected) throw new Error(`Dataview indexed ${index.pages.size} of ${expected} notes`);
    return index;
}

/** Maps each list item (by path and line) to the keys Dataview's serialization gives it, in order. */
function itemKeyLookup(index) {
    const keys = new Map();
    for (const page of index.pages.values()) {
        for (const item of page.serialize(index).file.lists) keys.set(`${item.path}:${item.line}`, Object.keys(item));
    }
    return item => keys.get(`${item.path}:${item.line}`);
}

/** Parses and executes one query the way the plugin's views do; failures become Dataview's error text. */
async function runQuery(text, origin) {
    const parsed = dv.tryOrPropagate(() => dv.parseQuery(text));
    if (!parsed.successful) return failure(parsed.error);

    const query = parsed.value;
    const header = query.header;
    switch (header.type) {
        case "list": {
            const result = await dv.asyncTryOrPropagate(() => dv.executeList(query, index, origin, settings));
            if (!result.successful) return failure(result.error);
            const pairs = header.showId && header.format;
            return {
                ok: true,
                type: "list",
                primaryMeaning: result.value.primaryMeaning,
                rows: result.value.data.map(row => (pairs ? [encode(row.key), encode(row.value)] : encode(row))),
            };
        }
        case "table": {
            const result = await dv.asyncTryOrPropagate(() => dv.executeTable(query, index, origin, settings));
            if (!result.successful) return failure(result.error);
            return { ok: true, type: "table", headers: result.value.names, rows: result.value.data.map(row => row.map(encode)) };
        }
        case "task": {
            const result = await dv.asyncTryOrPropagate(() => dv.executeTask(query, origin, index, settings));
            if (!result.successful) return failure(result.error);
            return { ok: true, type: "task", groups: encodeGrouping(dv.nestGroups(result.value.tasks), ownKeys) };
        }
        case "calendar": {
            const result = await dv.asyncTryOrPropagate(() => dv.executeCalendar(query, index, origin, settings));
            if (!result.successful) return failure(result.error);
            return { ok: true, type: "calendar", rows: result.value.data.map(day => encode({ date: day.date, link: day.link })) };
        }
    }
    return failure(`unknown query type ${header.type}`);
}

/** Dataview appends the JavaScript stack to errors that were thrown; the stack names this machine's files, so it goes. */
function failure(message) {
    const stack = message.search(/\n\n[^\n]*\n\s+at /);
    return { ok: false, error: stack >= 0 ? message.substring(0, stack) : message };
}

/** One page as Dataview serializes it: file metadata (without file times and size) and its own fields. */
function encodePage(pagePath) {
    const data = index.pages.get(pagePath).serialize(index);
    const file = data.file;
    return {
        path: pagePath,
        file: {
            name: encode(file.name),
            folder: encode(file.folder),
            path: encode(file.path),
            ext: encode(file.ext),
            link: encode(file.link),
            day: encode(file.day ?? null),
            tags: encode(file.tags),
            etags: encode(file.etags),
            aliases: encode(file.aliases),
            inlinks: encode(file.inlinks),
            outlinks: encode(file.outlinks),
            frontmatter: encode(file.frontmatter),
            tasks: file.tasks.map(item => encodeItem(item, ownKeys)),
            lists: file.lists.map(item => encodeItem(item, ownKeys)),
            starred: encode(file.starred),
        },
        fields: Object.entries(data)
            .filter(([key]) => key !== "file")
            .map(([key, value]) => [key, encode(value)]),
    };
}
