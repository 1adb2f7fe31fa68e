#!/usr/bin/env node
/** The `dyad` command: thin faces over the library, one file per command. */
import { Command, CommanderError } from "commander";
import { DictionaryError } from "../actors/dictionary.js";
import { DataFileError } from "../pipeline/data-file.js";
import { extractCommand } from "./extract.js";
import { ingestCommand } from "./ingest.js";
import { quietOnBrokenPipe, UsageError, warn } from "./io.js";

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
    process.exitCode = await extractCommand(paths, opts);
  });

const DB_HELP = "SQLite database file (default: DYAD_DB or data/dyad.db; DYAD_DATABASE_URL selects PostgreSQL)";

program
  .command("ingest")
  .description("read articles like extract and store documents, sentences, actors, events and stories")
  .argument("[paths...]", "files or folders; - reads JSON Lines from stdin")
  .option("--db <path>", DB_HELP)
  .option("--date <YYYY-MM-DD>", "publication date for documents that give none themselves")
  .option("--max-bytes <size>", "largest file (or JSONL line) to read", "20MB")
  .option("--dictionaries <dir>", "dictionaries folder (default: the bundled one)")
  .option("--json", "print the summary as one JSON object")
  .action(async (paths: string[], opts) => {
    process.exitCode = await ingestCommand(paths, opts);
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
