/**
 * Database failures as one line a user can act on, naming the database.
 * Driver errors (better-sqlite3, pg, node's net and fs) are recognised by their
 * codes; anything unrecognised keeps its message but still names the database.
 */

/** A problem with the database or its configuration: one line, exit code 2. */
export class StoreError extends Error {
  override name = "StoreError";
}

/** The schema on disk is newer than this build knows. */
export class SchemaTooNewError extends StoreError {
  constructor(
    readonly label: string,
    readonly found: number,
    readonly known: number,
  ) {
    super(`${label}: database schema is version ${found}, this dyad knows up to ${known}: upgrade dyad`);
  }
}

interface DriverError {
  code?: string;
  errno?: string | number;
  message?: string;
  errors?: DriverError[];
  address?: string;
  port?: number;
}

/** The first meaningful code: node wraps refused dual-stack connects in an AggregateError. */
function codeOf(err: DriverError): string {
  if (err.code) return String(err.code);
  for (const inner of err.errors ?? []) if (inner.code) return String(inner.code);
  return "";
}

/** Turn any error thrown while talking to `label` into a StoreError (StoreErrors pass through). */
export function toStoreError(err: unknown, label: string): StoreError {
  if (err instanceof StoreError) return err;
  const e = (err ?? {}) as DriverError;
  const code = codeOf(e);
  const message = e.message ?? String(err);
  const text = describe(code, message, label);
  return new StoreError(text ?? `${label}: ${oneLine(message)}`);
}

/** True for errors this module knows how to describe (the rest may be bugs worth a trace). */
export function isDatabaseError(err: unknown): boolean {
  if (err instanceof StoreError) return true;
  const e = (err ?? {}) as DriverError & { name?: string; severity?: string };
  const code = codeOf(e);
  return (
    code.startsWith("SQLITE_") ||
    e.name === "SqliteError" ||
    typeof e.severity === "string" ||
    NET_CODES.has(code) ||
    FS_CODES.has(code) ||
    /^Connection terminated/i.test(e.message ?? "")
  );
}

const NET_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "ECONNRESET",
  "EHOSTUNREACH",
]);
const FS_CODES = new Set(["ENOSPC", "EACCES", "EPERM", "EROFS", "ENOENT", "ENOTDIR", "EISDIR", "EDQUOT"]);

function describe(code: string, message: string, label: string): string | null {
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"))
    return `${label} is locked by another process (still busy after waiting); try again when it has finished`;
  if (code.startsWith("SQLITE_READONLY"))
    return `${label} is read-only: dyad needs to write to the file and to its folder (for the -wal and -shm files)`;
  if (code === "SQLITE_FULL" || code === "ENOSPC" || code === "EDQUOT" || code === "53100")
    return `${label}: the disk is full (free some space and run the command again; nothing was half-written)`;
  if (code.startsWith("SQLITE_CANTOPEN"))
    return `cannot open ${label}: its folder is missing or not writable`;
  if (code === "SQLITE_NOTADB") return `${label} is not a SQLite database`;
  if (code.startsWith("SQLITE_CORRUPT")) return `${label} is corrupt (${oneLine(message)})`;
  if (code === "SQLITE_PERM" || code === "SQLITE_AUTH") return `${label}: permission denied`;
  if (code.startsWith("SQLITE_IOERR")) return `${label}: input/output error (${oneLine(message)})`;
  if (code === "EACCES" || code === "EPERM") return `${label}: permission denied (${oneLine(message)})`;
  if (code === "EROFS") return `${label} is on a read-only file system`;
  if (code === "ENOTDIR" || code === "ENOENT") return `cannot open ${label}: its folder does not exist`;
  if (code === "EISDIR") return `${label} is a folder, not a database file`;
  if (code === "ECONNREFUSED")
    return `cannot connect to PostgreSQL at ${label}: connection refused (is the server running and listening there?)`;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN")
    return `cannot connect to PostgreSQL at ${label}: unknown host`;
  if (code === "ETIMEDOUT" || code === "EHOSTUNREACH")
    return `cannot connect to PostgreSQL at ${label}: the host does not answer`;
  if (code === "ECONNRESET" || /^Connection terminated/i.test(message))
    return `${label}: the PostgreSQL server closed the connection`;
  if (code === "28P01" || code === "28000") return `${label}: login refused (${oneLine(message)})`;
  if (code === "3D000") return `${label}: the database does not exist (create it, or fix DYAD_DATABASE_URL)`;
  if (code === "42501") return `${label}: permission denied (${oneLine(message)})`;
  if (code === "57P01" || code === "57P03")
    return `${label}: the PostgreSQL server is shutting down or starting up`;
  if (code === "25006") return `${label} is read-only (a standby or a read-only transaction)`;
  return null;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}
