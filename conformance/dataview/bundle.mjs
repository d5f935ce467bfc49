// Bundles the parts of Dataview the generator drives (headless/entry.ts) from a Dataview checkout, with the
// `obsidian` module and the import web worker replaced by the stand-ins in headless/.
import * as esbuild from "esbuild";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

/** Resolves the two imports that cannot be satisfied outside Obsidian to our stand-ins. */
const standIns = {
    name: "headless-stand-ins",
    setup(build) {
        build.onResolve({ filter: /^obsidian$/ }, () => ({ path: path.join(here, "headless", "obsidian-stub.ts") }));
        build.onResolve({ filter: /^web-worker:/ }, () => ({ path: path.join(here, "headless", "import-worker.ts") }));
    },
};

/** Writes the bundle to outFile; dataviewRoot is a checkout of blacksmithgu/obsidian-dataview. */
export async function bundleDataview(dataviewRoot, outFile) {
    await esbuild.build({
        entryPoints: [path.join(here, "headless", "entry.ts")],
        outfile: outFile,
        bundle: true,
        platform: "node",
        format: "esm",
        target: "node20",
        tsconfig: path.join(dataviewRoot, "tsconfig.json"),
        nodePaths: [path.join(here, "node_modules")],
        plugins: [standIns],
        logLevel: "warning",
        legalComments: "none",
    });
}
