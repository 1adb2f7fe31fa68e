// After the build: make `npx dyad` work inside this checkout. npm links the bins
// of dependencies into node_modules/.bin, but not the project's own.
import { chmodSync, existsSync, mkdirSync, rmSync, symlinkSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const target = join(root, "dist", "cli", "main.js");
if (!existsSync(target)) {
  console.error("link-bin: dist/cli/main.js is missing; run the build first");
  process.exit(1);
}
chmodSync(target, 0o755);
const binDir = join(root, "node_modules", ".bin");
if (existsSync(join(root, "node_modules"))) {
  mkdirSync(binDir, { recursive: true });
  const link = join(binDir, "dyad");
  rmSync(link, { force: true });
  symlinkSync(relative(binDir, target), link);
}
