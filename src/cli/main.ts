#!/usr/bin/env node
/**
 * The `dyad` command: thin faces over the library, one file per command.
 * Commands that extract load the NLP model on demand, so queries start fast.
 */
import { Command, CommanderError } from "commander";
import { DataFileError, DictionaryError } from "../pipeline/data-file.js";
import { actorCommand, actorsCommand } from "./actors.js";
import { dyadsCommand } from "./dyads.js";
import { eventsCommand } from "./events.js";
import { quietOnBrokenPipe, UsageError, warn } from "./io.js";
import { searchCommand } from "./search.js";
import { showCommand, statsCommand } from "./show.js";

const program = new Command();
program
  .name("dyad")
  .description("Turn news articles into sourced political event data (PLOVER).")
  .version("0.1.0")
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

program
  .command("extract")
  .description("read articles (files, folders, JSONL, or - for stdin) and print one JSON object per document")
  .argument("[paths...]", "files or folders; - reads JSON Lines from stdin")
  .option("--date <YYYY-MM-DD>", "publication date for documents that give none themselves")
  .option("--format <format>", "jsonl (one line per document) or pretty (indented, with text)", "jsonl")
  .option("--with-text", "include the cleaned text that all offsets point into")
  .option("--explain", "print each event with its sentence, marked spans and pattern")
  .option("--max-bytes <size>", "largest file (or JSONL line) to read", "20MB")
  .option("--dictionaries <dir>", "dictionaries folder (default: the bundled one)")
  .action(async (paths: string[], opts) => {
    process.exitCode = await (await import("./extract.js")).extractCommand(paths, opts);
  });

const DB_HELP =
  "SQLite database file (default: DYAD_DB or data/dyad.db; DYAD_DATABASE_URL selects PostgreSQL)";

/** The event filters `dyad events` and `dyad export` share. */
function eventFilters(command: Command): Command {
  return command
    .option("--actor <actor>", "actor: ISO code, id, name or alias (case-insensitive)")
    .option("--recipient <actor>", "recipient: ISO code, id, name or alias")
    .option("--dyad <x,y>", "events between two actors, either direction")
    .option("--type <types>", "PLOVER types, comma-separated")
    .option("--modality <m>", "asserted, negated, future, hypothetical (comma-separated)")
    .option("--since <date>", "events on or after this date")
    .option("--until <date>", "events on or before this date")
    .option("--text <query>", "full-text query over the evidence sentence");
}

program
  .command("ingest")
  .description("read articles like extract and store documents, sentences, actors, events and stories")
  .argument("[paths...]", "files or folders; - reads JSON Lines from stdin")
  .option("--db <path>", DB_HELP)
  .option("--date <YYYY-MM-DD>", "publication date for documents that give none themselves")
  .option("--max-bytes <size>", "largest file (or JSONL line) to read", "20MB")
  .option("--dictionaries <dir>", "dictionaries folder (default: the bundled one)")
  .option("--json", "print the summary as one JSON object")
  .option("--batch <n>", "most documents per transaction (1: one transaction per document)", "200")
  .option("--workers <n>", "extraction threads (default: the number of cores; 1: in this process)")
  .action(async (paths: string[], opts) => {
    process.exitCode = await (await import("./ingest.js")).ingestCommand(paths, opts);
  });

program
  .command("reprocess")
  .description(
    "extract again from the stored text (after dictionaries or patterns changed); report what changed",
  )
  .option("--db <path>", DB_HELP)
  .option("--since <date>", "only documents published on or after this date")
  .option("--dictionaries <dir>", "dictionaries folder (default: the bundled one)")
  .option("--json", "print the summary (with every changed document) as one JSON object")
  .action(async (opts) => {
    process.exitCode = await (await import("./reprocess.js")).reprocessCommand(opts);
  });

eventFilters(program.command("events"))
  .description("list stored events (live versions only), filtered")
  .option("--db <path>", DB_HELP)
  .option("--limit <n>", "at most n events (default 100 for a table, all for csv/jsonl; 0: all)")
  .option("--format <format>", "table, csv or jsonl", "table")
  .action(async (opts) => {
    process.exitCode = await eventsCommand(opts);
  });

eventFilters(program.command("export"))
  .description("export stored events (live only), filtered like dyad events, for other tools")
  .option("--format <format>", "plover-jsonl, csv, geojson (events) or gexf, graphml (the actor network)")
  .option("--out <file>", "write to this file (complete or not at all) instead of stdout")
  .option("--db <path>", DB_HELP)
  .option("--limit <n>", "at most n events (default all)")
  .action(async (opts) => {
    process.exitCode = await (await import("./export.js")).exportCommand(opts);
  });

program
  .command("actors")
  .description("list stored actors with their mentions and events")
  .option("--db <path>", DB_HELP)
  .option("--kind <kind>", "state, person, organization, armed_group, igo or unknown")
  .option("--q <name>", "part of an id, name or mention text")
  .option("--limit <n>", "at most n actors (default 100; 0: all)")
  .option("--format <format>", "table, csv or jsonl", "table")
  .action(async (opts) => {
    process.exitCode = await actorsCommand(opts);
  });

program
  .command("actor")
  .description("one actor's dossier: names, identity over time, events by type, top counterparts")
  .argument("<id>", "actor id, name, alias or ISO code")
  .option("--db <path>", DB_HELP)
  .option("--format <format>", "text or json", "text")
  .action(async (id: string, opts) => {
    process.exitCode = await actorCommand(id, opts);
  });

program
  .command("dyads")
  .description("actor pairs with events per type and a cooperation-conflict score per month")
  .option("--db <path>", DB_HELP)
  .option("--min <n>", "pairs with at least n events", "1")
  .option("--limit <n>", "at most n pairs (default 50 for a table, all for csv/jsonl; 0: all)")
  .option("--format <format>", "table, csv or jsonl", "table")
  .option("--dictionaries <dir>", "folder with plover-types.json (default: the bundled one)")
  .action(async (opts) => {
    process.exitCode = await dyadsCommand(opts);
  });

program
  .command("search")
  .description("full-text search over stored sentences, each hit with its document and events")
  .argument("<query>", 'words, "quoted phrases", OR, -excluded')
  .option("--db <path>", DB_HELP)
  .option("--limit <n>", "at most n sentences", "20")
  .option("--format <format>", "text or jsonl", "text")
  .action(async (query: string, opts) => {
    process.exitCode = await searchCommand(query, opts);
  });

program
  .command("stats")
  .description("counts of documents, sentences, actors, events and stories, and the runs")
  .option("--db <path>", DB_HELP)
  .option("--format <format>", "text or json", "text")
  .action(async (opts) => {
    process.exitCode = await statsCommand(opts);
  });

program
  .command("show")
  .description("one event: its record, story, evidence sentence with spans marked, and document")
  .argument("<event-id>", "event id (from dyad events)")
  .option("--db <path>", DB_HELP)
  .option("--format <format>", "text or json", "text")
  .action(async (id: string, opts) => {
    process.exitCode = await showCommand(id, opts);
  });

program
  .command("serve")
  .description("serve the web UI and the JSON API (docs/API.md) over the store, until Ctrl-C")
  .option("--db <path>", DB_HELP)
  .option("--port <n>", "port (default: PORT or 8080; 0: any free port)")
  .option("--host <host>", "address to listen on (default: HOST or 127.0.0.1)")
  .action(async (opts) => {
    process.exitCode = await (await import("./serve.js")).serveCommand(opts);
  });

const QUEUE_DB_HELP = "PostgreSQL URL (default: DYAD_DATABASE_URL; the queue needs PostgreSQL)";

program
  .command("enqueue")
  .description(
    "read articles like ingest and put each on the PostgreSQL queue for dyad worker (DYAD_DATABASE_URL)",
  )
  .argument("[paths...]", "files or folders; - reads JSON Lines from stdin")
  .option("--db <url>", QUEUE_DB_HELP)
  .option("--date <YYYY-MM-DD>", "publication date for documents that give none themselves")
  .option("--max-bytes <size>", "largest file (or JSONL line) to read", "20MB")
  .option("--json", "print the summary as one JSON object")
  .action(async (paths: string[], opts) => {
    process.exitCode = await (await import("./enqueue.js")).enqueueCommand(paths, opts);
  });

program
  .command("worker")
  .description(
    "take documents off the queue, extract and store them; stops on SIGINT/SIGTERM after the job in hand",
  )
  .option("--db <url>", QUEUE_DB_HELP)
  .option("--concurrency <n>", "extraction threads (default: the number of cores)")
  .option("--once", "stop as soon as no job is waiting")
  .option("--drain", "stop once no job is waiting, retrying or active anywhere")
  .option("--batch <n>", "most documents per transaction", "50")
  .option("--dictionaries <dir>", "dictionaries folder (default: the bundled one)")
  .option("--json", "print the summary as one JSON object")
  .action(async (opts) => {
    process.exitCode = await (await import("./worker.js")).workerCommand(opts);
  });

program
  .command("status")
  .description("the queue: jobs queued, retrying, active, completed and failed, with the latest errors")
  .option("--db <url>", QUEUE_DB_HELP)
  .option("--format <format>", "text or json", "text")
  .option("--limit <n>", "latest failed jobs to show", "10")
  .option("--retry-failed", "put every failed job back on the queue first")
  .action(async (opts) => {
    process.exitCode = await (await import("./status.js")).statusCommand(opts);
  });

const dictionary = program
  .command("dictionary")
  .description(
    "export your actors (and the unknown names of your corpus) to a file, edit it, import it back",
  );
dictionary
  .command("export")
  .description("write your actors and the corpus's unknown names to FILE")
  .argument("<file>", "JSON file to write")
  .option("--db <path>", DB_HELP)
  .action(async (file: string, opts) => {
    process.exitCode = await (await import("./dictionary.js")).dictionaryExportCommand(file, opts);
  });
dictionary
  .command("import")
  .description("check FILE and make it your actor overlay (then run dyad reprocess)")
  .argument("<file>", "JSON file as written by dictionary export")
  .option("--dictionaries <dir>", "dictionaries folder (default: the bundled one)")
  .action(async (file: string, opts) => {
    process.exitCode = await (await import("./dictionary.js")).dictionaryImportCommand(file, opts);
  });

async function main(): Promise<void> {
  quietOnBrokenPipe();
  try {
    await program.parseAsync(process.argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version exit 0; anything else commander rejects is a usage error.
      process.exitCode = err.exitCode === 0 ? 0 : 2;
      return;
    }
    if (err instanceof UsageError) {
      warn(err.message);
      process.exitCode = 2;
      return;
    }
    if (err instanceof DataFileError || err instanceof DictionaryError) {
      warn(`dictionary problem: ${err.message}`);
      process.exitCode = 2;
      return;
    }
    throw err;
  }
}

await main();
