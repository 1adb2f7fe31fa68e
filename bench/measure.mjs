// One measurement in a fresh process, so that peak RSS belongs to it alone.
// Usage: node bench/measure.mjs <wink|foundation|extract> <corpus.jsonl> <maxMB>
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";

const [mode, corpus, maxMbArg] = process.argv.slice(2);
const maxBytes = Number(maxMbArg ?? "5") * 1024 * 1024;

async function* documents() {
  let bytes = 0;
  let n = 0;
  const lines = createInterface({ input: createReadStream(corpus), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const rec = JSON.parse(line);
    const text = [rec.title, rec.text].filter(Boolean).join("\n\n");
    bytes += Buffer.byteLength(text);
    n++;
    yield { id: String(rec.id ?? n), text, date: rec.date ?? null };
    if (bytes >= maxBytes) break;
  }
}

async function main() {
  const docs = [];
  for await (const d of documents()) docs.push(d);
  const bytes = docs.reduce((s, d) => s + Buffer.byteLength(d.text), 0);
  let sentences = 0;
  let events = 0;
  let run;
  if (mode === "wink") {
    const { default: winkNLP } = await import("wink-nlp");
    const { default: model } = await import("wink-eng-lite-web-model");
    const nlp = winkNLP(model, ["sbd", "pos"]);
    const its = nlp.its;
    run = (d) => {
      const w = nlp.readDoc(d.text);
      w.tokens().out(its.pos);
      sentences += w.sentences().length();
    };
  } else {
    const { createPipeline } = await import("../dist/pipeline/default.js");
    const { newDocument } = await import("../dist/model/document.js");
    const { Pipeline } = await import("../dist/pipeline/stage.js");
    const full = createPipeline();
    const pipeline =
      mode === "foundation" ? new Pipeline(full.stages.filter((s) => s.name !== "events")) : full;
    run = (d) => {
      const doc = pipeline.run(
        newDocument({
          id: d.id,
          source: d.id,
          rawText: d.text,
          title: null,
          published: null,
          publishedSource: null,
          format: "jsonl",
        }),
      );
      sentences += doc.sentences.length;
      events += doc.events.length;
    };
  }
  const t0 = process.hrtime.bigint();
  for (const d of docs) run(d);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    JSON.stringify({
      mode,
      docs: docs.length,
      bytes,
      seconds,
      sentences,
      events,
      mbPerSec: bytes / 1024 / 1024 / seconds,
      rssMb,
    }) + "\n",
  );
}

await main();
