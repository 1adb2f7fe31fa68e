/**
 * `dyad export`: stored events, with the filters of `dyad events`, as
 * PLOVER-style JSON Lines, CSV, GeoJSON, or the actor network as GEXF/GraphML.
 * To stdout, or to --out FILE through a temp file renamed at the end, so a
 * failed export leaves no half-written file.
 */
import { once } from "node:events";
import { createWriteStream, renameSync, rmSync, type WriteStream } from "node:fs";
import { basename, dirname, join } from "node:path";
import { EXPORT_FORMATS, exportEvents, type Sink } from "../store/export/index.js";
import { parseFormat, withStore } from "./db.js";
import { type EventsCommandOptions, eventFilter } from "./events.js";
import { UsageError, writeOut } from "./io.js";

export interface ExportCommandOptions extends EventsCommandOptions {
  out?: string;
}

interface FileSink extends Sink {
  commit(): Promise<void>;
  abort(): void;
}

async function openFileSink(path: string): Promise<FileSink> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const stream: WriteStream = createWriteStream(tmp, { flags: "wx" });
  let failure: Error | null = null;
  stream.on("error", (err) => {
    failure = err;
  });
  try {
    await once(stream, "open");
  } catch (err) {
    throw new UsageError(`cannot write ${path}: ${(err as Error).message}`);
  }
  return {
    async write(text) {
      if (failure) throw failure;
      if (!stream.write(text)) await once(stream, "drain");
    },
    async commit() {
      stream.end();
      await once(stream, "finish");
      if (failure) throw failure;
      renameSync(tmp, path);
    },
    abort() {
      stream.destroy();
      rmSync(tmp, { force: true });
    },
  };
}

export async function exportCommand(opts: ExportCommandOptions): Promise<number> {
  if (opts.format === undefined) throw new UsageError(`--format is required: ${EXPORT_FORMATS.join(", ")}`);
  const format = parseFormat(opts.format, EXPORT_FORMATS, "plover-jsonl");
  const filter = eventFilter(opts, 0);
  return withStore(
    opts,
    async (store) => {
      if (!opts.out) {
        await exportEvents(store, format, filter, { write: writeOut });
        return 0;
      }
      const sink = await openFileSink(opts.out);
      try {
        await exportEvents(store, format, filter, sink);
        await sink.commit();
      } catch (err) {
        sink.abort();
        throw err;
      }
      return 0;
    },
    { mustExist: true },
  );
}
