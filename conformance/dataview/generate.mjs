#!/usr/bin/env node
// Regenerates the Dataview conformance goldens (expected.json, pages.json) by running Dataview 0.5.70's own
// importer, index and query engine over the conformance vault. Usage, from this folder after `npm ci`:
//
//   DATAVIEW_DIR=/path/to/obsidian-dataview node generate.mjs      (or: node generate.mjs --dataview PATH)
//
// PATH is a checkout of blacksmithgu/obsidian-dataview at commit 5ad0994f, or a bare clone holding that commit.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { bundleDataview } from "./bundle.mjs";
import { parseQueryFile } from "./headless/queries.mjs";

const DATAVIEW_COMMIT = "5ad0994f";
const DATAVIEW_VERSION = "0.5.70";
const CONFIG = {
    dataviewVersion: DATAVIEW_VERSION,
    tz: "America/New_York",
    locale: "en-US",
    now: "2025-03-15T12:00:00",
};
/** Settings of Dataview's defaults that change what queries return or how values read. */
const SETTINGS_IN_HEADER = [
    "renderNullAs",
    "defaultDateFormat",
    "defaultDateTimeFormat",
    "tableIdColumnName",
    "tableGroupColumnName",
    "taskCompletionTracking",
    "taskCompletionUseEmojiShorthand",
    "taskCompletionText",
    "taskCompletionDateFormat",
    "recursiveSubTaskCompletion",
    "maxRecursiveRenderDepth",
];

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "..", "..");
const goldenDir = path.join(repoRoot, "src", "test", "resources", "conformance", "dataview");
const vaultDir = path.join(goldenDir, "vault");
const queriesPath = path.join(goldenDir, "queries.txt");
const buildDir = path.join(here, "build");

main().catch(error => {
    console.error(`generate: ${error.message}`);
    process.exit(1);
});

async function main() {
    const dataviewDir = dataviewSource(dataviewLocation());
    const queries = parseQueryFile(fs.readFileSync(queriesPath, "utf8"));
    checkFunctionCoverage(path.join(dataviewDir, "docs", "docs", "reference", "functions.md"), queries);

    fs.mkdirSync(buildDir, { recursive: true });
    const bundlePath = path.join(buildDir, "dataview-bundle.mjs");
    await bundleDataview(dataviewDir, bundlePath);

    const child = spawnSync(
        process.execPath,
        [path.join(here, "headless", "run.mjs"), bundlePath, vaultDir, queriesPath, JSON.stringify(CONFIG)],
        {
            env: { ...process.env, TZ: CONFIG.tz, LC_ALL: "en_US.UTF-8", LANG: "en_US.UTF-8" },
            maxBuffer: 1 << 30,
            encoding: "utf8",
        }
    );
    if (child.status !== 0) throw new Error(`the Dataview run failed:\n${child.stderr}`);
    if (child.stderr.trim()) process.stderr.write(child.stderr);
    const { results, pages, settings } = JSON.parse(child.stdout);

    const header = {
        dataview: `${DATAVIEW_VERSION} (${DATAVIEW_COMMIT})`,
        node: process.version,
        tz: CONFIG.tz,
        locale: CONFIG.locale,
        now: CONFIG.now,
        settings: Object.fromEntries(SETTINGS_IN_HEADER.map(key => [key, settings[key]])),
    };
    fs.writeFileSync(path.join(goldenDir, "expected.json"), formatResults(header, results));
    fs.writeFileSync(path.join(goldenDir, "pages.json"), formatPages(pages));
    report(results, pages);
}

function dataviewLocation() {
    const flag = process.argv.indexOf("--dataview");
    const location = flag >= 0 ? process.argv[flag + 1] : process.env.DATAVIEW_DIR;
    if (!location) throw new Error("name the Dataview checkout with --dataview PATH or DATAVIEW_DIR=PATH");
    if (!fs.existsSync(location)) throw new Error(`no Dataview checkout at ${location}`);
    return path.resolve(location);
}

/** A work tree is used as it is (its HEAD checked when it is a git checkout); a bare clone is exported first. */
function dataviewSource(location) {
    const git = (...args) => execFileSync("git", args, { encoding: "utf8" }).trim();
    let tree = location;
    if (!fs.existsSync(path.join(location, "package.json"))) {
        tree = path.join(buildDir, `dataview-${DATAVIEW_COMMIT}`);
        if (!fs.existsSync(path.join(tree, "package.json"))) {
            fs.mkdirSync(tree, { recursive: true });
            const archive = execFileSync("git", ["--git-dir", location, "archive", DATAVIEW_COMMIT], { maxBuffer: 1 << 30 });
            execFileSync("tar", ["x", "-C", tree], { input: archive });
        }
    } else if (fs.existsSync(path.join(location, ".git"))) {
        const head = git("-C", location, "rev-parse", "HEAD");
        if (!head.startsWith(DATAVIEW_COMMIT)) throw new Error(`${location} is at ${head}, not ${DATAVIEW_COMMIT}`);
    }
    const version = JSON.parse(fs.readFileSync(path.join(tree, "package.json"), "utf8")).version;
    if (version !== DATAVIEW_VERSION) throw new Error(`${tree} holds Dataview ${version}, not ${DATAVIEW_VERSION}`);
    return tree;
}

/** Every function of Dataview's function reference must be called by at least two queries. */
function checkFunctionCoverage(functionsDoc, queries) {
    const doc = fs.readFileSync(functionsDoc, "utf8");
    const names = new Set();
    for (const match of doc.matchAll(/^#{3,4} `([a-z]+)\(/gm)) names.add(match[1]);
    // Functions the page shows only in its examples (array beside list, ldefault beside default); the page's
    // generic example 'functionname(parameter1, ...)' names no function.
    for (const match of doc.matchAll(/^\s*([a-z]+)\(/gm)) names.add(match[1]);
    names.delete("functionname");

    const uses = name => queries.filter(q => new RegExp(`(^|[^A-Za-z0-9_.])${name}\\(`).test(q.query)).length;
    const missing = [...names].sort().filter(name => uses(name) < 2);
    if (missing.length > 0) throw new Error(`functions of functions.md used by fewer than two queries: ${missing.join(", ")}`);
    console.log(`functions.md: ${names.size} functions, each used by two queries or more`);
}

/** One result per line, so that a change shows as the queries it changes. */
function formatResults(header, results) {
    const lines = results.map(result => "  " + JSON.stringify(result));
    return `{"generator": ${JSON.stringify(header)},\n "results": [\n${lines.join(",\n")}\n]}\n`;
}

function formatPages(pages) {
    return `[\n${pages.map(page => "  " + JSON.stringify(page)).join(",\n")}\n]\n`;
}

function report(results, pages) {
    const byType = {};
    let errors = 0;
    let unexpectedErrors = 0;
    for (const result of results) {
        const type = result.ok ? result.type : "error";
        byType[type] = (byType[type] ?? 0) + 1;
        if (!result.ok) {
            errors++;
            if (!result.id.startsWith("error-")) unexpectedErrors++;
        }
    }
    const others = results.filter(r => !r.id.startsWith("error-")).length;
    console.log(`${results.length} queries over ${pages.length} notes: ${JSON.stringify(byType)}`);
    console.log(`${errors} errors, ${unexpectedErrors} of them outside error-* (${((100 * unexpectedErrors) / others).toFixed(1)}% of ${others})`);
    if (unexpectedErrors * 10 >= others) throw new Error("10% or more of the queries outside error-* fail");
}
