/**
 * The built front end (dist/web/): files by path, and index.html for any
 * other path without an extension, so client routes (/actors/RUS) load the app.
 */
import { readFile, stat } from "node:fs/promises";
import { extname, resolve, sep } from "node:path";
import type { Context } from "hono";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".ico": "image/x-icon",
  ".webp": "image/webp",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
};

const NOT_BUILT =
  "The Dyad web UI is not built (dist/web/index.html is missing): run npm run build. The JSON API is at /api/.\n";

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export function webHandler(root: string) {
  const base = resolve(root);
  return async (c: Context): Promise<Response> => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      return c.text("bad path\n", 400);
    }
    const file = resolve(base, `.${path}`);
    const inside = file === base || file.startsWith(base + sep);
    if (inside && !path.includes("\0") && (await isFile(file))) return send(c, file);
    if (extname(path) !== "") return c.text("not found\n", 404);
    const index = resolve(base, "index.html");
    if (await isFile(index)) return send(c, index);
    return c.text(NOT_BUILT, 503);
  };
}

async function send(c: Context, file: string): Promise<Response> {
  const body = await readFile(file);
  c.header("Content-Type", TYPES[extname(file).toLowerCase()] ?? "application/octet-stream");
  c.header("Cache-Control", "no-cache");
  return c.req.method === "HEAD" ? c.body(null) : c.body(new Uint8Array(body));
}
