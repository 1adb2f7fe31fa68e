/**
 * `dyad dictionary export|import`: an analyst edits actors in a file (adds an
 * alias, fixes an affiliation, promotes an unknown name) and imports it as an
 * overlay on the bundled dictionary; `dyad reprocess` then applies it.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { loadActorDictionary, userDictionaryPath } from "../actors/dictionary.js";
import { type ActorEntry, actorFileSchema } from "../actors/schema.js";
import { dictionariesDir, loadDataFile } from "../pipeline/data-file.js";
import { listActors } from "../store/index.js";
import { type DbOptions, withStore } from "./db.js";
import { writeOut } from "./io.js";

const HOW_TO =
  "Your actors, laid over the bundled dictionary (an entry replaces a bundled one with the same id). " +
  "Entries of kind 'unknown' are names found in your corpus: give one a kind, country and sector to promote it, " +
  "then run `dyad dictionary import` on this file and `dyad reprocess`.";

/** Write a file whole or not at all. */
function writeAtomically(file: string, text: string): void {
  mkdirSync(dirname(file) || ".", { recursive: true });
  const temp = `${file}.tmp-${process.pid}`;
  try {
    writeFileSync(temp, text);
    renameSync(temp, file);
  } finally {
    rmSync(temp, { force: true });
  }
}

export async function dictionaryExportCommand(file: string, opts: DbOptions): Promise<number> {
  const userFile = userDictionaryPath();
  const mine: ActorEntry[] = existsSync(userFile) ? loadDataFile(userFile, actorFileSchema).entries : [];
  return withStore(
    opts,
    async (store) => {
      const known = new Set(mine.map((e) => e.id));
      const unknown = (await listActors(store, { kind: "unknown" }))
        .filter((a) => !known.has(a.id))
        .map(
          (a): ActorEntry => ({
            id: a.id,
            name: a.name,
            kind: "unknown",
            country: null,
            sector: null,
            aliases: [a.name],
          }),
        );
      const out = {
        name: "user",
        version: new Date().toISOString().slice(0, 10),
        description: HOW_TO,
        entries: [...mine, ...unknown],
      };
      writeAtomically(file, `${JSON.stringify(out, null, 2)}\n`);
      await writeOut(`wrote ${mine.length} of your actors and ${unknown.length} unknown names to ${file}\n`);
      return 0;
    },
    { mustExist: true },
  );
}

export async function dictionaryImportCommand(
  file: string,
  opts: { dictionaries?: string },
): Promise<number> {
  // A file that does not parse, or breaks the dictionary, is refused before anything is written.
  const data = loadDataFile(file, actorFileSchema);
  const promoted = data.entries.filter((e) => e.kind !== "unknown");
  const userFile = userDictionaryPath();
  const text = `${JSON.stringify({ ...data, name: "user", entries: promoted }, null, 2)}\n`;
  const check = `${userFile}.check-${process.pid}`;
  mkdirSync(dirname(userFile) || ".", { recursive: true });
  try {
    writeFileSync(check, text);
    loadActorDictionary(opts.dictionaries ?? dictionariesDir(), check);
  } finally {
    rmSync(check, { force: true });
  }
  writeAtomically(userFile, text);
  await writeOut(
    `imported ${promoted.length} actors into ${userFile} (${data.entries.length - promoted.length} unknown names left out); ` +
      "run `dyad reprocess` to apply them to stored documents\n",
  );
  return 0;
}
