/**
 * `dyad serve`: the web UI and the JSON API (docs/API.md) over the store,
 * until SIGINT or SIGTERM. Prints one line when listening:
 * `Dyad serving <database> at http://HOST:PORT/`.
 */
import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { createAdaptorServer } from "@hono/node-server";
import { packageRoot } from "../pipeline/data-file.js";
import { createApp } from "../server/app.js";
import { loadPloverTypes, resolveTarget } from "../store/index.js";
import { type DbOptions, withStore } from "./db.js";
import { UsageError, warn } from "./io.js";

export interface ServeOptions extends DbOptions {
  port?: string;
  host?: string;
}

function parsePort(value: string | undefined, from: string): number {
  const v = (value ?? "").trim();
  if (!/^\d{1,5}$/.test(v) || Number(v) > 65535)
    throw new UsageError(`${from} takes a port number 0-65535 (0: any free port), not "${value}"`);
  return Number(v);
}

const WEB_ROOT = join(packageRoot(), "dist", "web");

/** Names a browser on this machine uses for a loopback server; anything else is another site's DNS. */
const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1"]);

const urlHost = (host: string) => (host.includes(":") ? `[${host}]` : host);

export async function serveCommand(opts: ServeOptions): Promise<number> {
  const port =
    opts.port !== undefined
      ? parsePort(opts.port, "--port")
      : process.env.PORT?.trim()
        ? parsePort(process.env.PORT, "PORT")
        : 8080;
  const host = opts.host?.trim() || process.env.HOST?.trim() || "127.0.0.1";
  const types = loadPloverTypes();
  // A missing SQLite file is created empty (the UI then shows its empty states), and said so.
  let created = false;
  try {
    const target = resolveTarget({ db: opts.db });
    created = target.kind === "sqlite" && !existsSync(target.path);
  } catch {
    // A malformed URL or an empty --db: withStore says so in one line.
  }
  return withStore(opts, async (store) => {
    if (created)
      warn(`${store.label} did not exist: serving a new, empty database (dyad ingest PATH fills it)`);
    const app = createApp(store, {
      types,
      webRoot: WEB_ROOT,
      hosts: LOOPBACK.has(host) ? [...LOOPBACK] : undefined,
    });
    const server = createAdaptorServer({ fetch: app.fetch });
    const failure = await new Promise<NodeJS.ErrnoException | null>((done) => {
      server.once("error", (err: NodeJS.ErrnoException) => done(err));
      server.listen(port, host, () => done(null));
    });
    if (failure) {
      warn(listenProblem(failure, host, port));
      return 1;
    }
    const { port: bound } = server.address() as AddressInfo;
    process.stdout.write(`Dyad serving ${store.label} at http://${urlHost(host)}:${bound}/\n`);
    await new Promise<void>((done) => {
      const stop = () => {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        server.close(() => done());
        if ("closeIdleConnections" in server) server.closeIdleConnections();
        setTimeout(() => {
          if ("closeAllConnections" in server) server.closeAllConnections();
        }, 2000).unref();
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
    return 0;
  });
}

function listenProblem(err: NodeJS.ErrnoException, host: string, port: number): string {
  if (err.code === "EADDRINUSE")
    return `port ${port} on ${host} is already in use: pass --port N (or --port 0 for any free port)`;
  if (err.code === "EACCES")
    return `not allowed to listen on port ${port} (ports below 1024 need privileges)`;
  if (err.code === "EADDRNOTAVAIL" || err.code === "ENOTFOUND" || err.code === "EAI_AGAIN")
    return `cannot listen on ${host}: no such address on this machine`;
  return `cannot listen on ${host}:${port}: ${err.message}`;
}
