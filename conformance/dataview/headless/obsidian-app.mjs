// The parts of Obsidian's App that Dataview's index reads: the vault (files, folders, contents) and the metadata
// cache (per-note metadata, link resolution, resolved links, events). Built once from a folder on disk.
import fs from "node:fs";
import path from "node:path";
import { computeMetadata } from "./obsidian-metadata.mjs";

/** One fixed instant for every file's creation and modification time: file times are not compared. */
export const FIXED_FILE_TIME = Date.UTC(2025, 0, 1, 0, 0, 0);

/** Lists the vault's files (dot-files and dot-folders skipped, as Obsidian does), in code-unit order of path. */
export function listVaultFiles(root) {
    const result = [];
    const walk = relative => {
        for (const entry of fs.readdirSync(path.join(root, relative), { withFileTypes: true })) {
            if (entry.name.startsWith(".")) continue;
            const child = relative ? `${relative}/${entry.name}` : entry.name;
            if (entry.isDirectory()) walk(child);
            else if (entry.isFile()) result.push(child);
        }
    };
    walk("");
    return result.sort(compareCodeUnits);
}

export function compareCodeUnits(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

/** Minimal event emitter with Obsidian's on/off/trigger names. */
class Events {
    constructor() {
        this.handlers = new Map();
    }

    on(name, callback, context) {
        const ref = { name, callback: context ? callback.bind(context) : callback };
        if (!this.handlers.has(name)) this.handlers.set(name, []);
        this.handlers.get(name).push(ref);
        return ref;
    }

    off(name, callback) {
        this.handlers.set(name, (this.handlers.get(name) ?? []).filter(ref => ref.callback !== callback));
    }

    offref(ref) {
        this.handlers.set(ref.name, (this.handlers.get(ref.name) ?? []).filter(r => r !== ref));
    }

    trigger(name, ...args) {
        for (const ref of this.handlers.get(name) ?? []) ref.callback(...args);
    }
}

/** Builds the vault and metadata cache for the folder root, with Obsidian's file classes from the bundle. */
export function createApp(root, { TFile, TFolder }) {
    const vault = new HeadlessVault(root, TFile, TFolder);
    const metadataCache = new HeadlessMetadataCache(vault);
    return { appId: "vaultgraph-conformance", vault, metadataCache };
}

class HeadlessVault extends Events {
    constructor(root, TFile, TFolder) {
        super();
        this.root = root;
        this.contents = new Map();
        this.byPath = new Map();

        this.rootFolder = Object.assign(new TFolder(), { path: "/", name: "", vault: this, parent: null });
        this.byPath.set("/", this.rootFolder);

        for (const filePath of listVaultFiles(root)) {
            const bytes = fs.readFileSync(path.join(root, filePath));
            const name = filePath.substring(filePath.lastIndexOf("/") + 1);
            const dot = name.lastIndexOf(".");
            const file = Object.assign(new TFile(), {
                path: filePath,
                name,
                basename: dot > 0 ? name.substring(0, dot) : name,
                extension: dot > 0 ? name.substring(dot + 1) : "",
                vault: this,
                stat: { ctime: FIXED_FILE_TIME, mtime: FIXED_FILE_TIME, size: bytes.length },
            });
            file.parent = this.folder(filePath.includes("/") ? filePath.substring(0, filePath.lastIndexOf("/")) : "");
            file.parent.children.push(file);
            this.byPath.set(filePath, file);
            if (file.extension === "md") this.contents.set(filePath, bytes.toString("utf8"));
        }
        this.sortChildren(this.rootFolder);
    }

    /** The folder at folderPath ("" is the root), created with its parents on first use. */
    folder(folderPath) {
        if (folderPath === "") return this.rootFolder;
        const existing = this.byPath.get(folderPath);
        if (existing) return existing;

        const parent = this.folder(folderPath.includes("/") ? folderPath.substring(0, folderPath.lastIndexOf("/")) : "");
        const folder = Object.assign(new (this.rootFolder.constructor)(), {
            path: folderPath,
            name: folderPath.substring(folderPath.lastIndexOf("/") + 1),
            vault: this,
            parent,
            children: [],
        });
        parent.children.push(folder);
        this.byPath.set(folderPath, folder);
        return folder;
    }

    /** Children listed so that a depth-first walk yields paths in code-unit order (folders sort as 'name/'). */
    sortChildren(folder) {
        const key = child => (child.children ? child.name + "/" : child.name);
        folder.children.sort((a, b) => compareCodeUnits(key(a), key(b)));
        for (const child of folder.children) if (child.children) this.sortChildren(child);
    }

    getAbstractFileByPath(filePath) {
        return this.byPath.get(filePath) ?? null;
    }

    getFiles() {
        return [...this.byPath.values()].filter(f => !f.children).sort((a, b) => compareCodeUnits(a.path, b.path));
    }

    getMarkdownFiles() {
        return this.getFiles().filter(f => f.extension === "md");
    }

    async cachedRead(file) {
        return this.contents.get(file.path);
    }

    async read(file) {
        return this.contents.get(file.path);
    }

    get adapter() {
        return {
            read: async filePath => fs.readFileSync(path.join(this.root, filePath), "utf8"),
        };
    }
}

class HeadlessMetadataCache extends Events {
    constructor(vault) {
        super();
        this.vault = vault;
        this.metadata = new Map();
        this.resolvedLinks = {};
        this.unresolvedLinks = {};

        for (const file of vault.getMarkdownFiles()) this.metadata.set(file.path, computeMetadata(vault.contents.get(file.path)));
        for (const file of vault.getMarkdownFiles()) this.resolveLinksOf(file.path);
    }

    getFileCache(file) {
        return this.metadata.get(file.path) ?? null;
    }

    getCache(filePath) {
        return this.metadata.get(filePath) ?? null;
    }

    /** Counts each note's links by target: front matter links, then links, then embeds. */
    resolveLinksOf(sourcePath) {
        const resolved = (this.resolvedLinks[sourcePath] = {});
        const unresolved = (this.unresolvedLinks[sourcePath] = {});
        const meta = this.metadata.get(sourcePath);
        for (const link of [...(meta.frontmatterLinks ?? []), ...(meta.links ?? []), ...(meta.embeds ?? [])]) {
            const linkpath = stripSubpath(link.link);
            const target = this.getFirstLinkpathDest(linkpath, sourcePath);
            if (target) resolved[target.path] = (resolved[target.path] ?? 0) + 1;
            else unresolved[linkpath] = (unresolved[linkpath] ?? 0) + 1;
        }
    }

    /**
     * Obsidian's link resolution: an empty path is the linking note itself; './' and '../' paths resolve against its
     * folder only; otherwise an exact vault path (with or without '.md') wins, then, by file name or path suffix and
     * ignoring case, a file in the linking note's folder, then the shortest path.
     */
    getFirstLinkpathDest(linkpath, sourcePath) {
        linkpath = stripSubpath(linkpath);
        if (linkpath === "") return this.vault.getAbstractFileByPath(sourcePath);
        if (linkpath.startsWith("/")) linkpath = linkpath.substring(1);

        const sourceFolder = sourcePath.includes("/") ? sourcePath.substring(0, sourcePath.lastIndexOf("/")) : "";
        if (linkpath.startsWith("./") || linkpath.startsWith("../")) {
            const joined = path.posix.normalize((sourceFolder ? sourceFolder + "/" : "") + linkpath);
            return this.exactFile(joined);
        }

        const exact = this.exactFile(linkpath);
        if (exact) return exact;

        const wanted = linkpath.toLowerCase();
        const candidates = this.vault.getFiles().filter(file => {
            const lower = file.path.toLowerCase();
            return [wanted, wanted + ".md"].some(w => lower === w || lower.endsWith("/" + w));
        });
        if (candidates.length === 0) return null;

        const sameFolder = candidates.find(file => file.parent.path === (sourceFolder || "/"));
        if (sameFolder) return sameFolder;
        return candidates.reduce((best, file) => (file.path.length < best.path.length ? file : best));
    }

    exactFile(filePath) {
        for (const candidate of [filePath, filePath + ".md"]) {
            const file = this.vault.getAbstractFileByPath(candidate);
            if (file && !file.children) return file;
        }
        return null;
    }
}

function stripSubpath(linkpath) {
    const hash = linkpath.indexOf("#");
    return hash >= 0 ? linkpath.substring(0, hash) : linkpath;
}
