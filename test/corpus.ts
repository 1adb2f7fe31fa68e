/** Access to the shared corpora beside the repository (../shared/corpus), for quality tests. */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { GoldArticle, PlvRow } from "./scoring.js";

export const corpusDir = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "shared", "corpus");
export const hasCorpus = existsSync(join(corpusDir, "seeds.gold.jsonl"));

export function seedGold(): GoldArticle[] {
  return readFileSync(join(corpusDir, "seeds.gold.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

/** One TSV field: quoted (with "" escapes) like Python's csv module, or bare. */
function splitTsvLine(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = "";
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else value += line[i++];
      }
      const tab = line.indexOf("\t", i);
      value += tab < 0 ? line.slice(i) : line.slice(i, tab);
      out.push(value);
      i = tab < 0 ? line.length + 1 : tab + 1;
    } else {
      const tab = line.indexOf("\t", i);
      out.push(tab < 0 ? line.slice(i) : line.slice(i, tab));
      i = tab < 0 ? line.length + 1 : tab + 1;
    }
  }
  return out;
}

export function plvRows(file = join(corpusDir, "plv_train.tsv")): PlvRow[] {
  const lines = readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim());
  const header = splitTsvLine(lines[0]);
  const col = (name: string) => header.indexOf(name);
  return lines.slice(1).map((line, n) => {
    const f = splitTsvLine(line);
    return {
      id: f[col("sentence_id")] || String(n),
      sentence: f[col("sentence")],
      source: f[col("source")],
      target: f[col("target")],
      gold: f[col("gold_root")],
    };
  });
}
