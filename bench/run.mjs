// `npm run bench`: throughput and memory of each half of the pipeline on the
// shared benchmark corpora, as medians of several runs with min-max, beside
// raw wink-nlp measured in the same run. Results also go to bench/results/.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ingestQueue, ingestSqlite, linearFit, writeCorpus } from "./ingest.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const corpusDir = process.env.DYAD_BENCH_CORPUS ?? resolve(here, "..", "..", "shared", "corpus", "bench");
const corpus = join(corpusDir, "bbc-2004-2005.jsonl");
const runs = Number(process.env.DYAD_BENCH_RUNS ?? "3");
const maxMb = process.env.DYAD_BENCH_MB ?? "4";
/** Runs of each ingest configuration (c, d). */
const ingestRuns = Number(process.env.DYAD_BENCH_INGEST_RUNS ?? "3");
/** The 1x corpus of the scale series (4x and 16x are copies with new ids). */
const scaleMb = Number(process.env.DYAD_BENCH_SCALE_MB ?? "0.5");
const pgUrl = (process.env.DYAD_BENCH_DATABASE_URL || process.env.DYAD_DATABASE_URL || "").trim() || null;
const benchStarted = performance.now();

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

// (c), (d): whole ingests, each in fresh processes on a fresh database.
const work = mkdtempSync(join(tmpdir(), "dyad-bench-corpus-"));
const benchFile = join(work, "bench.jsonl");
await writeCorpus(corpus, Number(maxMb), 1, benchFile);

function summarise(samples) {
  const mbs = samples.map((s) => s.bytes / 1024 / 1024 / s.seconds);
  return {
    docs: samples[0].docs,
    mb: samples[0].bytes / 1024 / 1024,
    runs: samples.length,
    mbPerSec: { median: median(mbs), min: Math.min(...mbs), max: Math.max(...mbs) },
    docsPerSec: median(samples.map((s) => s.docs / s.seconds)),
    sentencesPerSec: median(samples.map((s) => s.sentences / s.seconds)),
    eventsPerSec: median(samples.map((s) => s.events / s.seconds)),
    secondsMedian: median(samples.map((s) => s.seconds)),
    wallMedian: median(samples.map((s) => s.wall)),
    peakRssMb: Math.max(...samples.map((s) => s.rssMb)),
  };
}

const ingest = {};
async function measureIngest(key, label, once) {
  const samples = [];
  for (let i = 0; i < ingestRuns; i++) samples.push(await once());
  ingest[key] = { label, ...summarise(samples) };
}
try {
  await measureIngest("sqlite1", "(c) ingest SQLite, --workers 1", () => ingestSqlite(benchFile, 1));
  await measureIngest("sqlite2", "(c) ingest SQLite, --workers 2", () => ingestSqlite(benchFile, 2));
  if (pgUrl) {
    await measureIngest("queue1", "(d) queue, 1 worker process", () => ingestQueue(pgUrl, benchFile, 1));
    await measureIngest("queue2", "(d) queue, 2 worker processes", () => ingestQueue(pgUrl, benchFile, 2));
  }

  console.log("");
  console.log(
    `ingest: ${f(ingest.sqlite1.mb, 1)} MB, ${ingest.sqlite1.docs} docs, ${ingestRuns} runs each (MB/s over the ingest loop, startup excluded)`,
  );
  console.log(
    "configuration                      MB/s median (min-max)    docs/s  sentences/s  events/s  peak RSS MB",
  );
  for (const r of Object.values(ingest))
    console.log(
      `${r.label.padEnd(33)}  ${f(r.mbPerSec.median).padStart(6)} (${f(r.mbPerSec.min)}-${f(r.mbPerSec.max)})`.padEnd(
        59,
      ) +
        `${f(r.docsPerSec, 0).padStart(6)}  ${f(r.sentencesPerSec, 0).padStart(11)}  ${f(r.eventsPerSec, 0).padStart(8)}  ${f(r.peakRssMb, 0).padStart(11)}`,
    );
  console.log(
    `--workers 2 / --workers 1: ${f(ingest.sqlite2.mbPerSec.median / ingest.sqlite1.mbPerSec.median)}x`,
  );
  if (ingest.queue1)
    console.log(
      `2 workers / 1 worker (queue): ${f(ingest.queue2.mbPerSec.median / ingest.queue1.mbPerSec.median)}x`,
    );
  else
    console.log(
      "(d) queue: skipped (set DYAD_BENCH_DATABASE_URL or DYAD_DATABASE_URL to a PostgreSQL server the bench may create databases on)",
    );

  // Scale: the same ingest at 1x, 4x and 16x; linear cost means a constant seconds-per-MB.
  const scale = [];
  for (const copies of [1, 4, 16]) {
    const file = join(work, `scale-${copies}.jsonl`);
    await writeCorpus(corpus, scaleMb, copies, file);
    const r = await ingestSqlite(file, 2);
    rmSync(file, { force: true });
    scale.push({ copies, ...r, mb: r.bytes / 1024 / 1024, secPerMb: r.seconds / (r.bytes / 1024 / 1024) });
  }
  const line = linearFit(scale.map((s) => ({ x: s.mb, y: s.seconds })));
  console.log("");
  console.log(
    `scale: dyad ingest --workers 2 into SQLite, 1x = ${f(scale[0].mb)} MB (${scale[0].docs} docs)`,
  );
  console.log("size   MB      docs   seconds  s/MB   vs 1x  peak RSS MB");
  for (const s of scale)
    console.log(
      `${`${s.copies}x`.padEnd(5)}  ${f(s.mb, 1).padStart(5)}  ${String(s.docs).padStart(6)}  ${f(s.seconds, 1).padStart(7)}  ${f(s.secPerMb).padStart(5)}  ${f(s.secPerMb / scale[0].secPerMb).padStart(5)}  ${f(s.rssMb, 0).padStart(11)}`,
    );
  console.log(
    `fit: seconds = ${f(line.intercept)} + ${f(line.slope)} x MB (r² ${f(line.r2, 4)}); peak RSS ${f(scale[0].rssMb, 0)} -> ${f(scale.at(-1).rssMb, 0)} MB`,
  );
  results.ingest = ingest;
  results.scale = { points: scale, fit: line };
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(
  `bench took ${f((performance.now() - benchStarted) / 1000, 0)} s; load average ${loadavg()
    .map((x) => f(x))
    .join(" ")}`,
);

mkdirSync(join(here, "results"), { recursive: true });
const file = join(here, "results", `bench-${new Date().toISOString().slice(0, 10)}.json`);
writeFileSync(
  file,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      cpu: cpus()[0]?.model,
      cores: cpus().length,
      loadavg: loadavg(),
      runs,
      ingestRuns,
      results,
    },
    null,
    2,
  ),
);
console.log(`results written to ${file}`);
