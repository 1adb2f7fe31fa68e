// The ingest half of `npm run bench`: `dyad ingest` into SQLite with 1 and 2
// extraction threads, the PostgreSQL queue with 1 and 2 `dyad worker`
// processes, and ingest cost at 1x, 4x and 16x the corpus size. Each run is a
// fresh `dyad` process (or several) on a fresh database; peak RSS comes from
// /usr/bin/time -v (the process and its threads), else from /proc VmHWM polling.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const BIN = join(here, "..", "dist", "cli", "main.js");
const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;
const MB = 1024 * 1024;

/**
 * The first `maxMb` MB of a bench corpus as dyad JSON Lines, `copies` times
 * over (each copy's ids made new, so every document is stored, not recognised).
 */
export async function writeCorpus(corpus, maxMb, copies, file) {
  const records = [];
  let bytes = 0;
  const lines = createInterface({ input: createReadStream(corpus), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const rec = JSON.parse(line);
    records.push(rec);
    bytes += Buffer.byteLength([rec.title, rec.text].filter(Boolean).join("\n\n"));
    if (bytes >= maxMb * MB) break;
  }
  lines.close();
  const out = createWriteStream(file);
  for (let c = 0; c < copies; c++)
    for (const [i, rec] of records.entries()) {
      const id = `${rec.id ?? i}${c ? `#${c}` : ""}`;
      const ok = out.write(
        `${JSON.stringify({ id, title: rec.title ?? null, text: rec.text, source: "bench" })}\n`,
      );
      if (!ok) await new Promise((r) => out.once("drain", r));
    }
  await new Promise((r) => out.end(r));
  return { docs: records.length * copies };
}

/** Linux: CPU seconds of each thread of process `pid` so far (tid -> seconds); empty elsewhere. */
function threadCpu(pid, into) {
  let tids = [];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return;
  }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      into.set(tid, (Number(f[11]) + Number(f[12])) / 100); // utime + stime, in clock ticks (USER_HZ 100)
    } catch {}
  }
}

/**
 * Runs `dyad ARGS` to the end; resolves with stdout, stderr, exit code, wall seconds, peak RSS (MB) and,
 * on Linux, CPU seconds of the main thread and of all other threads (extraction threads, V8's GC and
 * compiler threads), sampled every 100 ms (the last 100 ms of a thread can be missed).
 */
export function run(args, env) {
  return new Promise((resolve, reject) => {
    const cmd = TIME ? TIME : process.execPath;
    const argv = TIME ? ["-v", process.execPath, BIN, ...args] : [BIN, ...args];
    const t0 = performance.now();
    const child = spawn(cmd, argv, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    let hwm = 0;
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      err += d;
    });
    const cpu = new Map();
    let nodePid = TIME ? null : child.pid;
    const poll = setInterval(() => {
      // Under GNU time, node is its child.
      if (!nodePid) {
        try {
          nodePid =
            Number(
              readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, "utf8").trim().split(" ")[0],
            ) || null;
        } catch {}
      }
      if (nodePid) threadCpu(nodePid, cpu);
      // Without GNU time: poll the high-water mark of the node process itself.
      if (TIME) return;
      try {
        const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
        if (m) hwm = Math.max(hwm, Number(m[1]) / 1024);
      } catch {}
    }, 100);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearInterval(poll);
      const wall = (performance.now() - t0) / 1000;
      const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(err);
      const rssMb = m ? Number(m[1]) / 1024 : hwm;
      let cpuMain = 0;
      let cpuThreads = 0;
      for (const [tid, seconds] of cpu) {
        if (Number(tid) === nodePid) cpuMain += seconds;
        else cpuThreads += seconds;
      }
      resolve({ code, out, err, wall, rssMb, cpuMain, cpuThreads });
    });
  });
}

function check(r, what) {
  if (r.code !== 0) throw new Error(`${what} failed (exit ${r.code}):\n${r.err.slice(-2000)}`);
  return r;
}

async function sqliteStats(env) {
  const r = check(await run(["stats", "--format", "json"], env), "dyad stats");
  return JSON.parse(r.out);
}

/** One `dyad ingest --workers N` into a fresh SQLite file. */
export async function ingestSqlite(file, workers) {
  const dir = mkdtempSync(join(tmpdir(), "dyad-bench-"));
  const env = { DYAD_DB: join(dir, "bench.db"), DYAD_DATABASE_URL: "" };
  try {
    const r = check(await run(["ingest", "--json", "--workers", String(workers), file], env), "dyad ingest");
    const s = JSON.parse(r.out.trim().split("\n").pop());
    const stats = await sqliteStats(env);
    const docs = s.documents.new + s.documents.unchanged + s.documents.changed;
    return {
      docs,
      bytes: s.bytes,
      seconds: s.seconds,
      wall: r.wall,
      sentences: stats.sentences,
      events: s.events.added,
      rssMb: r.rssMb,
      // Whole process lifetime, start-up included.
      cpuMain: r.cpuMain,
      cpuThreads: r.cpuThreads,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function pgAdmin(url, sql) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** `dyad enqueue` then `processes` × `dyad worker --drain --concurrency 1` on a fresh PostgreSQL database. */
export async function ingestQueue(serverUrl, file, processes) {
  const name = `dyad_bench_${randomBytes(5).toString("hex")}`;
  await pgAdmin(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const env = { DYAD_DATABASE_URL: url.toString() };
  try {
    check(await run(["enqueue", "--json", file], env), "dyad enqueue");
    const runs = await Promise.all(
      Array.from({ length: processes }, () =>
        run(["worker", "--drain", "--json", "--concurrency", "1"], env),
      ),
    );
    for (const r of runs) check(r, "dyad worker");
    const summaries = runs.map((r) => JSON.parse(r.out.trim().split("\n").pop()));
    const start = Math.min(...summaries.map((s) => Date.parse(s.started_at)));
    const end = Math.max(...summaries.map((s) => Date.parse(s.finished_at)));
    const stats = JSON.parse(check(await run(["stats", "--format", "json"], env), "dyad stats").out);
    return {
      docs: stats.documents,
      bytes: summaries.reduce((n, s) => n + s.bytes, 0),
      seconds: (end - start) / 1000,
      wall: Math.max(...runs.map((r) => r.wall)),
      sentences: stats.sentences,
      events: stats.events,
      rssMb: Math.max(...runs.map((r) => r.rssMb)),
    };
  } finally {
    await pgAdmin(serverUrl, `drop database if exists ${name} with (force)`).catch(() => {});
  }
}

/** Least-squares line through (x, y): seconds per MB and fixed seconds. */
export function linearFit(points) {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  const sxy = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const ssTot = points.reduce((s, p) => s + (p.y - my) ** 2, 0);
  const ssRes = points.reduce((s, p) => s + (p.y - (intercept + slope * p.x)) ** 2, 0);
  return { slope, intercept, r2: ssTot ? 1 - ssRes / ssTot : 1 };
}
