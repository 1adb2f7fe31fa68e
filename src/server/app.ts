/**
 * The HTTP face of the store: the JSON API of docs/API.md under /api/ and
 * the built front end at /, with security headers on every response.
 * Read-only: no route writes.
 */
import { join } from "node:path";
import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { packageRoot } from "../pipeline/data-file.js";
import { loadPloverTypes, type PloverTypes, type Store } from "../store/index.js";
import type { ServerContext } from "./context.js";
import { errorResponse, handleError } from "./errors.js";
import { actorRoutes } from "./routes/actors.js";
import { documentRoutes } from "./routes/documents.js";
import { eventRoutes } from "./routes/events.js";
import { exportRoutes } from "./routes/export.js";
import { graphRoutes } from "./routes/graph.js";
import { metaRoutes } from "./routes/meta.js";
import { webHandler } from "./static.js";

export interface AppOptions {
  /** PLOVER type weights (default: the dictionaries in use). */
  types?: PloverTypes;
  /** Folder of the built front end (default dist/web/ of the package). */
  webRoot?: string;
  /** Where unexpected errors are reported, once each (default stderr). */
  log?: (line: string) => void;
  /**
   * Host names requests may be addressed to (default: any). `dyad serve` on a
   * loopback address allows only loopback names, so a web page elsewhere
   * cannot read the API through DNS rebinding.
   */
  hosts?: string[];
}

/** docs/API.md asks for exactly this policy; the front end has no inline scripts or styles. */
export const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", "data:", "blob:"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
};

const stderrLog = (line: string) => process.stderr.write(`dyad serve: ${line}\n`);

export function createApp(store: Store, opts: AppOptions = {}): Hono {
  const log = opts.log ?? stderrLog;
  const ctx: ServerContext = { store, types: opts.types ?? loadPloverTypes() };
  const app = new Hono();
  app.use(
    secureHeaders({
      contentSecurityPolicy: CSP,
      xFrameOptions: "DENY",
      referrerPolicy: "no-referrer",
      xContentTypeOptions: "nosniff",
      // Served over plain HTTP on the analyst's machine: HSTS would only get in the way.
      strictTransportSecurity: false,
    }),
  );
  app.use(async (c, next) => {
    await next();
    if (c.res.headers.get("Content-Type") === "application/json")
      c.res.headers.set("Content-Type", "application/json; charset=utf-8");
  });
  app.onError((err, c) => handleError(err, c, log));
  const hosts = opts.hosts?.map((h) => h.toLowerCase());
  if (hosts)
    app.use(async (c, next) => {
      const host = hostName(c.req.header("host"));
      if (host !== null && !hosts.includes(host))
        return errorResponse(
          c,
          403,
          `host: requests to "${host}" are not served (dyad serve --host to change)`,
        );
      await next();
    });

  const api = new Hono();
  for (const routes of [metaRoutes, eventRoutes, actorRoutes, documentRoutes, graphRoutes, exportRoutes(log)])
    routes(api, ctx);
  api.all("*", (c) => errorResponse(c, 404, `no route ${c.req.method} ${new URL(c.req.url).pathname}`));
  app.route("/api", api);

  const web = webHandler(opts.webRoot ?? join(packageRoot(), "dist", "web"));
  app.on(["GET", "HEAD"], "*", web);
  app.all("*", (c) => c.text("method not allowed\n", 405));
  return app;
}

/** "localhost:8080" -> "localhost", "[::1]:8080" -> "::1"; null without a Host header. */
function hostName(header: string | undefined): string | null {
  if (!header) return null;
  const h = header.trim().toLowerCase();
  const v6 = /^\[([^\]]+)\]/.exec(h);
  return v6 ? v6[1] : h.replace(/:\d+$/, "");
}
