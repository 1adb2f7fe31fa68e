// Placeholder until the web UI lands: the web helper replaces this with the esbuild bundle of src/web/.
import { mkdirSync } from "node:fs";
mkdirSync(new URL("../dist/web/", import.meta.url), { recursive: true });
