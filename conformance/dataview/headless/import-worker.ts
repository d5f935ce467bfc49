/**
 * Stand-in for Dataview's `web-worker:./import-entry.ts`: the same steps as the worker entry (parse the page,
 * make the result transferable, post it back), run in this process. Messages go through structuredClone both
 * ways, as they do through a real worker's postMessage.
 */
import { runImport } from "data-import/web-worker/import-impl";
import { Transferable } from "data-model/transferable";

export default class HeadlessImportWorker {
    onmessage: ((event: { data: unknown }) => void) | null = null;

    constructor(_options?: unknown) {}

    postMessage(message: unknown): void {
        const { path, contents, stat, metadata } = structuredClone(message) as any;
        setImmediate(() => {
            let reply: unknown;
            try {
                if (metadata === undefined || metadata === null)
                    throw Error(`Cannot index file, since it has no Obsidian file metadata.`);
                reply = { path, result: Transferable.transferable(runImport(path, contents, stat, metadata)) };
            } catch (error) {
                reply = { path, result: { $error: `Failed to index file: ${path}: ${error}` } };
            }
            this.onmessage?.({ data: structuredClone(reply) });
        });
    }

    terminate(): void {}
}
