// Builds the browser UI into dist/web/: src/web/main.tsx bundled (minified, with a source map) to app.js,
// plus index.html, style.css and the offline world map (world-atlas TopoJSON). Nothing loads from the internet.
// Files are built in a scratch folder and renamed into place one by one, so a running `dyad serve`
// never reads a half-written file.
import { copyFileSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const src = join(root, "src", "web");
const out = join(root, "dist", "web");
const scratch = join(root, "dist", `.web-build-${process.pid}`);

rmSync(scratch, { recursive: true, force: true });
mkdirSync(scratch, { recursive: true });
try {
  await build({
    entryPoints: [join(src, "main.tsx")],
    outfile: join(scratch, "app.js"),
    bundle: true,
    minify: true,
    sourcemap: true,
    format: "esm",
    target: ["es2022"],
    platform: "browser",
    jsx: "automatic",
    jsxImportSource: "preact",
    legalComments: "linked",
    logLevel: "warning",
    define: { "process.env.NODE_ENV": '"production"' },
  });
  for (const file of ["index.html", "style.css"]) copyFileSync(join(src, file), join(scratch, file));
  const require = createRequire(import.meta.url);
  copyFileSync(require.resolve("world-atlas/countries-110m.json"), join(scratch, "countries-110m.json"));

  mkdirSync(out, { recursive: true });
  const built = readdirSync(scratch);
  for (const file of built) renameSync(join(scratch, file), join(out, file));
  // Whatever an older build left that this one did not make.
  for (const file of readdirSync(out))
    if (!built.includes(file)) rmSync(join(out, file), { recursive: true, force: true });
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
