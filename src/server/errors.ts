/** API errors: `{"error": {"status", "message"}}`, never a stack trace. */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { QueryError } from "../store/index.js";

/** A problem with the request the client can fix (400) or a thing that is not there (404). */
export class HttpError extends Error {
  override name = "HttpError";
  constructor(
    readonly status: 400 | 404,
    message: string,
  ) {
    super(message);
  }
}

export function errorBody(status: number, message: string) {
  return { error: { status, message } };
}

export function errorResponse(c: Context, status: ContentfulStatusCode, message: string): Response {
  return c.json(errorBody(status, message), status);
}

/** What the client sees for `err`; anything unexpected is logged once and answered with 500. */
export function handleError(err: unknown, c: Context, log: (line: string) => void): Response {
  if (err instanceof HttpError) return errorResponse(c, err.status, err.message);
  if (err instanceof QueryError)
    return errorResponse(c, err.reason === "ambiguous" ? 400 : 404, withoutCliHints(err.message));
  const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
  log(`${c.req.method} ${new URL(c.req.url).pathname} failed: ${detail}`);
  return errorResponse(c, 500, "internal error");
}

/** The query layer's messages end with CLI hints ("(dyad actors --q X lists near names)"): not for the API. */
const withoutCliHints = (message: string) => message.replace(/\s*\([^()]*\bdyad [^()]*\)/g, "");
