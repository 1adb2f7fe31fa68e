// `npm run bench`: throughput and memory of each half of the pipeline on the
// shared benchmark corpora, as medians of several runs with min-max, beside
// raw wink-nlp measured in the same run. Results also go to bench/results/.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const corpusDir = process.env.DYAD_BENCH_CORPUS ?? resolve(here, "..", "..", "shared", "corpus", "bench");
const corpus = join(corpusDir, "bbc-2004-2005.jsonl");
const runs = Number(process.env.DYAD_BENCH_RUNS ?? "3");
const maxMb = process.env.DYAD_BENCH_MB ?? "4";

if (!existsSync(corpus)) {
  console.error(`bench: corpus not found at ${corpus} (set DYAD_BENCH_CORPUS)`);
  process.exit(2);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function measure(mode) {
  const out = execFileSync(process.execPath, [join(here, "measure.mjs"), mode, corpus, maxMb], {
    encoding: "utf8",
  });
  return JSON.parse(out.trim().split("\n").pop());
}

const results = {};
for (const mode of ["wink", "foundation", "extract"]) {
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(measure(mode));
  const pick = (k) => samples.map((s) => s[k]);
  const mbs = pick("mbPerSec");
  results[mode] = {
    docs: samples[0].docs,
    mb: samples[0].bytes / 1024 / 1024,
    mbPerSec: { median: median(mbs), min: Math.min(...mbs), max: Math.max(...mbs) },
    docsPerSec: median(samples.map((s) => s.docs / s.seconds)),
    sentencesPerSec: median(samples.map((s) => s.sentences / s.seconds)),
    eventsPerSec: median(samples.map((s) => s.events / s.seconds)),
    peakRssMb: Math.max(...pick("rssMb")),
  };
}

const f = (x, d = 2) => x.toFixed(d);
console.log(
  `corpus ${corpus} (${f(results.wink.mb, 1)} MB, ${results.wink.docs} docs), ${runs} runs each, 1 core`,
);
console.log(`machine: ${cpus()[0]?.model ?? "?"} x${cpus().length}, node ${process.version}`);
console.log("stage                 MB/s median (min-max)    docs/s  sentences/s  events/s  peak RSS MB");
for (const [mode, r] of Object.entries(results)) {
  const name = { wink: "(a) wink-nlp raw", foundation: "    clean..actors", extract: "(b) dyad extract" }[
    mode
  ];
  console.log(
    `${name.padEnd(20)}  ${f(r.mbPerSec.median).padStart(6)} (${f(r.mbPerSec.min)}-${f(r.mbPerSec.max)})`.padEnd(
      46,
    ) +
      `${f(r.docsPerSec, 0).padStart(6)}  ${f(r.sentencesPerSec, 0).padStart(11)}  ${f(r.eventsPerSec, 0).padStart(8)}  ${f(r.peakRssMb, 0).padStart(11)}`,
  );
}
const ratio = results.extract.mbPerSec.median / results.wink.mbPerSec.median;
console.log(`extract / raw wink-nlp: ${f(ratio * 100, 0)}%`);

mkdirSync(join(here, "results"), { recursive: true });
const file = join(here, "results", `bench-${new Date().toISOString().slice(0, 10)}.json`);
writeFileSync(
  file,
  JSON.stringify(
    { date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model, runs, results },
    null,
    2,
  ),
);
console.log(`results written to ${file}`);
