/**
 * Which database a command talks to: DYAD_DATABASE_URL (PostgreSQL) wins, then
 * --db, then DYAD_DB, then ./data/dyad.db (embedded SQLite).
 */
import { resolve } from "node:path";
import { StoreError } from "./errors.js";

export const DEFAULT_DB_PATH = "data/dyad.db";

export type DatabaseTarget =
  | { kind: "sqlite"; path: string; label: string; isDefault: boolean }
  | { kind: "postgres"; url: string; label: string };

export interface TargetOptions {
  /** --db PATH */
  db?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

export function resolveTarget(opts: TargetOptions = {}): DatabaseTarget {
  const env = opts.env ?? process.env;
  const url = env.DYAD_DATABASE_URL?.trim();
  if (url) return postgresTarget(url, "DYAD_DATABASE_URL");
  const given = opts.db ?? env.DYAD_DB?.trim();
  if (given !== undefined && given.trim() === "")
    throw new StoreError("--db takes a file path, not an empty string");
  const path = given ?? DEFAULT_DB_PATH;
  if (/^postgres(ql)?:\/\//i.test(path)) return postgresTarget(path, "--db");
  return {
    kind: "sqlite",
    path: resolve(opts.cwd ?? process.cwd(), path),
    label: path,
    isDefault: given === undefined,
  };
}

/** Checks the URL's shape up front so a typo gets one clear line, not a driver trace. */
export function postgresTarget(url: string, where: string): DatabaseTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new StoreError(
      `${where} is not a valid URL (expected postgres://USER:PASSWORD@HOST:PORT/DATABASE)`,
    );
  }
  if (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:")
    throw new StoreError(
      `${where} must start with postgres:// or postgresql://, not "${parsed.protocol}//" (for SQLite use --db PATH)`,
    );
  if (!parsed.hostname && !parsed.searchParams.get("host"))
    throw new StoreError(`${where} names no host (expected postgres://USER:PASSWORD@HOST:PORT/DATABASE)`);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
  if (!database) throw new StoreError(`${where} names no database (…/DATABASE at the end)`);
  return { kind: "postgres", url, label: redactUrl(parsed) };
}

/** The URL without its password: what messages and the runs table may show. */
export function redactUrl(url: URL): string {
  const user = url.username ? `${decodeURIComponent(url.username)}@` : "";
  const port = url.port ? `:${url.port}` : "";
  return `postgres://${user}${url.hostname}${port}${url.pathname}`;
}
