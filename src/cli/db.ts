/**
 * How store commands open the database and report its failures: one line
 * naming the database, exit code 2, never a stack trace.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../pipeline/data-file.js";
import {
  isDatabaseError,
  openStore,
  QueryError,
  resolveTarget,
  type Store,
  toStoreError,
} from "../store/index.js";
import { isIsoDate, UsageError, warn } from "./io.js";

export interface DbOptions {
  db?: string;
}

/**
 * Opens the store, runs `fn`, closes it. Database and query problems become
 * one warning line and exit code 2; other errors (bugs, dictionary problems)
 * go on to main's handler.
 */
export async function withStore(
  opts: DbOptions,
  fn: (store: Store) => Promise<number>,
  openOpts: { mustExist?: boolean } = {},
): Promise<number> {
  let store: Store | undefined;
  let label = opts.db ?? "the database";
  try {
    const target = resolveTarget({ db: opts.db });
    label = target.label;
    store = await openStore(target, openOpts);
    return await fn(store);
  } catch (err) {
    if (err instanceof QueryError) {
      warn(err.message);
      return 2;
    }
    if (isDatabaseError(err)) {
      warn(toStoreError(err, label).message);
      return 2;
    }
    throw err;
  } finally {
    await store?.close().catch(() => {});
  }
}

let version: string | undefined;

/** dyad's version from package.json, stamped on runs and documents. */
export function dyadVersion(): string {
  version ??= (JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version: string })
    .version;
  return version;
}

export function checkDate(option: string, value: string | undefined): string | undefined {
  if (value !== undefined && !isIsoDate(value))
    throw new UsageError(`${option} takes YYYY-MM-DD (or YYYY-MM, YYYY), not "${value}"`);
  return value;
}

export function parseCount(option: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`${option} takes a whole number, not "${value}"`);
  return Number(value);
}

export function parseFormat<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  const v = (value ?? fallback) as T;
  if (!allowed.includes(v)) throw new UsageError(`--format takes ${allowed.join(", ")}, not "${value}"`);
  return v;
}
