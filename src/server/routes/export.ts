/** `/api/export`: the file `dyad export` writes, streamed, as an attachment. */
import { type ExportFormat, exportEvents, type Sink } from "../../store/export/index.js";
import { filteredEvents } from "../../store/index.js";
import type { Routes } from "../context.js";
import { query, schemas, toFilter } from "../params.js";

export const EXPORT_TYPES: Record<ExportFormat, { type: string; file: string }> = {
  "plover-jsonl": { type: "application/x-ndjson; charset=utf-8", file: "dyad-events.jsonl" },
  csv: { type: "text/csv; charset=utf-8", file: "dyad-events.csv" },
  geojson: { type: "application/geo+json; charset=utf-8", file: "dyad-events.geojson" },
  gexf: { type: "application/gexf+xml; charset=utf-8", file: "dyad-events.gexf" },
  graphml: { type: "application/graphml+xml; charset=utf-8", file: "dyad-events.graphml" },
};

/** Bytes gathered before a chunk goes out: one line per event would make many tiny writes. */
const CHUNK = 64 * 1024;

class ClientGone extends Error {}

/**
 * What `write` writes, as a byte stream with back-pressure. A failure after
 * the first byte errors the stream, so the download breaks off visibly
 * instead of ending as if complete; it is logged unless the client left.
 */
export function streamed(
  write: (sink: Sink) => Promise<void>,
  onError: (err: Error) => void,
): ReadableStream {
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  const writer = writable.getWriter();
  const encoder = new TextEncoder();
  let gone = false;
  writer.closed.catch(() => {
    gone = true;
  });
  let buffer = "";
  const flush = async () => {
    if (gone) throw new ClientGone();
    const text = buffer;
    buffer = "";
    await writer.ready;
    await writer.write(encoder.encode(text));
  };
  const sink: Sink = {
    async write(text) {
      buffer += text;
      if (buffer.length >= CHUNK) await flush();
    },
  };
  (async () => {
    try {
      await write(sink);
      if (buffer) await flush();
      await writer.close();
    } catch (err) {
      if (!gone && !(err instanceof ClientGone)) onError(err as Error);
      await writer.abort(err).catch(() => {});
    }
  })();
  return readable;
}

export function exportRoutes(log: (line: string) => void): Routes {
  return (api, { store }) => {
    api.get("/export", async (c) => {
      const p = query(c, schemas.export);
      const format = p.format as ExportFormat;
      const filter = { ...toFilter(p), limit: p.limit };
      // Unknown actors are a 404 before the first byte, not a broken download.
      await filteredEvents(store, filter);
      const { type, file } = EXPORT_TYPES[format];
      c.header("Content-Type", type);
      c.header("Content-Disposition", `attachment; filename="${file}"`);
      c.header("Cache-Control", "no-store");
      const body = streamed(
        (sink) => exportEvents(store, format, filter, sink),
        (err) => log(`GET /api/export failed while streaming: ${err.stack ?? err.message}`),
      );
      return c.body(body);
    });
  };
}
