/**
 * Quality on the shared gold, measured exactly as the reference scorers do and
 * printed; each figure must stay at or above its floor in floors.json.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readInputs } from "../src/ingest/index.js";
import { createPipeline, processDocument } from "../src/pipeline/default.js";
import { type ExtractOutput, toOutput } from "../src/pipeline/output.js";
import { corpusDir, hasCorpus, plvRows, seedGold } from "./corpus.js";
import { confusionMatrix, scoreArticles, scorePlv } from "./scoring.js";

const floors = JSON.parse(readFileSync(new URL("./floors.json", import.meta.url), "utf8"));
const pct = (x: number) => x.toFixed(3);

describe.skipIf(!hasCorpus)("quality on the shared gold", () => {
  const pipeline = createPipeline();

  it("codes the seed articles: triple F1, dates, modality, actor recall", async () => {
    const outputs: ExtractOutput[] = [];
    for await (const item of readInputs([join(corpusDir, "seeds")], {})) {
      if ("problem" in item) throw new Error(`${item.source}: ${item.problem}`);
      outputs.push(toOutput(processDocument(pipeline, item)));
    }
    const s = scoreArticles(seedGold(), outputs);
    console.log(
      `seeds: gold ${s.gold} predicted ${s.predicted} precision ${pct(s.precision)} recall ${pct(s.recall)} ` +
        `F1 ${pct(s.f1)} date_acc ${pct(s.dateAcc)} modality_acc ${pct(s.modalityAcc)} actor_recall ${pct(s.actorRecall)}`,
    );
    if (process.env.DYAD_VERBOSE)
      console.log(`missed:\n  ${s.missed.join("\n  ")}\nspurious:\n  ${s.spurious.join("\n  ")}`);
    expect(s.actorRecall).toBeGreaterThanOrEqual(floors.seeds.actorRecall);
    expect(s.f1).toBeGreaterThanOrEqual(floors.seeds.f1);
    expect(s.dateAcc).toBeGreaterThanOrEqual(floors.seeds.dateAcc);
    expect(s.modalityAcc).toBeGreaterThanOrEqual(floors.seeds.modalityAcc);
  });

  it("codes the PLV sentences from raw text: macro-F1 and confusion matrix", () => {
    const rows = plvRows();
    const events = new Map<string, ExtractOutput["events"]>();
    for (const r of rows) {
      const doc = processDocument(pipeline, {
        id: r.id,
        source: r.id,
        rawText: r.sentence,
        title: null,
        published: null,
        publishedSource: null,
        format: "jsonl",
      });
      events.set(r.id, doc.events);
    }
    const s = scorePlv(rows, events);
    console.log(
      `plv: rows ${s.rows} covered ${pct(s.covered)} accuracy ${pct(s.accuracy)} full_match ${pct(s.fullMatch)} macroF1 ${pct(s.macroF1)}`,
    );
    console.log(
      Object.entries(s.perLabel)
        .map(([l, m]) => `  ${l.padEnd(10)} P ${pct(m.p)} R ${pct(m.r)} F1 ${pct(m.f1)} n ${m.n}`)
        .join("\n"),
    );
    console.log(confusionMatrix(s.gold, s.pred));
    expect(s.macroF1).toBeGreaterThanOrEqual(floors.plv.macroF1);
    expect(s.accuracy).toBeGreaterThanOrEqual(floors.plv.accuracy);
  });
});
