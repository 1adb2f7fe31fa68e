/**
 * The web UI end to end: the seed corpus (plus two hostile documents) ingested
 * into a temp SQLite store with the built CLI, `dyad serve --port 0` on it, and
 * Debian's Chromium driven by playwright-core through every page. Each page
 * must show real content, log no console errors, and leave a screenshot in
 * test-output/screenshots/. Article text is data: a document whose title and
 * body carry <script> and <img onerror> must render them as visible text.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BIN, dyad, dyadEnv, ROOT, SEEDS } from "../pg-cli.js";

const CHROMIUM = "/usr/bin/chromium";
const available = existsSync(CHROMIUM);
const SHOTS = join(ROOT, "test-output", "screenshots");
const XSS = `<script>window.__xss=1</script>`;
const IMG = `<img src=x onerror="window.__xss=1">`;

if (!available) {
  if (process.env.CI) {
    it("has Chromium for the browser tests", () => {
      throw new Error(`${CHROMIUM} is missing: run test/chromium-setup.sh as root before the tests`);
    });
  } else {
    console.warn(
      `test/e2e/web.test.ts: skipped, ${CHROMIUM} is missing (run test/chromium-setup.sh as root)`,
    );
  }
}

/** `dyad serve --port 0` on `db`; resolves with its base URL once it prints its one line. */
function serve(db: string): Promise<{ proc: ChildProcess; base: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [BIN, "serve", "--port", "0"], {
      env: dyadEnv({ DYAD_DB: db }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    const timer = setTimeout(() => {
      proc.kill();
      reject(new Error(`dyad serve did not start in 30 s: ${out}${err}`));
    }, 30_000);
    proc.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Dyad serving .* at (http:\/\/\S+?)\/?\s/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, base: `${m[1]}/` });
      }
    });
    proc.stderr?.on("data", (chunk: Buffer) => {
      err += chunk.toString();
    });
    proc.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`dyad serve exited with ${code}: ${out}${err}`));
    });
  });
}

/** A plain-text and an HTML document whose titles and bodies are hostile markup. */
function hostileCorpus(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "evil.txt"),
    `${XSS} Russia condemned Ukraine ${IMG}\n\nMOSCOW, March 3, 2022 - Russia condemned Ukraine on Monday. ${XSS} The statement said ${IMG} was found.\n`,
  );
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  writeFileSync(
    join(dir, "evil.html"),
    `<!doctype html><html><head><title>${esc(XSS)} NATO praised Ukraine ${esc(IMG)}</title>
<meta property="article:published_time" content="2022-03-04"></head>
<body><article><h1>${esc(XSS)} NATO praised Ukraine</h1>
<p>NATO praised Ukraine on Friday. The leaflet read ${esc(IMG)} and ${esc(XSS)} in large letters.</p>
<p>Ukraine thanked NATO for the support it gave in Kyiv.</p>${XSS}</article></body></html>\n`,
  );
}

describe.skipIf(!available)("the web UI in Chromium", () => {
  let work: string;
  let server: { proc: ChildProcess; base: string };
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    // The bundle under test, built from the current src/web (the global setup builds only tsc's part).
    execFileSync(process.execPath, [join(ROOT, "scripts", "build-web.mjs")], { stdio: "inherit" });
    work = mkdtempSync(join(tmpdir(), "dyad-web-"));
    const db = join(work, "web.db");
    const evil = join(work, "hostile");
    hostileCorpus(evil);
    const r = dyad(["ingest", SEEDS, evil], { DYAD_DB: db });
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    server = await serve(db);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    mkdirSync(SHOTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    server?.proc.kill();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  beforeEach(async () => {
    problems = [];
    context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    page = await context.newPage();
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console error: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    // Nothing may load from anywhere but the Dyad server.
    await page.route(/^(?!http:\/\/(127\.0\.0\.1|localhost|\[::1\]))/, (route) => {
      problems.push(`request outside the server: ${route.request().url()}`);
      return route.abort();
    });
  });

  afterEach(async () => {
    await context?.close();
    expect(problems).toEqual([]);
  });

  /** Waits until no list is loading or showing stale data. */
  const settled = async () => {
    await page.locator(".stale, .loading").first().waitFor({ state: "detached" });
  };
  const open = async (hash: string) => {
    await page.goto(`${server.base}${hash}`);
  };
  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });

  it("sends the CSP header with the page", async () => {
    const res = await fetch(server.base);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
  });

  it("overview: counts, the monthly chart, a seed dyad and the latest documents", async () => {
    await open("#/");
    await page.locator(".counts").waitFor();
    await expect.poll(() => page.locator(".counts li").count()).toBe(5);
    await page.locator(".chart svg rect").first().waitFor();
    const dyads = page.locator("table.dyads tbody tr");
    await dyads.first().waitFor();
    const rows = await dyads.allInnerTexts();
    expect(rows.some((r) => r.includes("Russia") && r.includes("Taliban"))).toBe(true);
    await page.locator("table.documents tbody tr").first().waitFor();
    await shot("overview");
    // A dyad opens the timeline filtered to that pair.
    await dyads.first().locator("td").nth(1).click();
    await page.waitForURL(/#\/timeline\?dyad=/);
    await page.locator("li.event-row").first().waitFor();
  });

  it("timeline: histogram, rows, a brushed range, and a row opens its sentence", async () => {
    await open("#/timeline");
    const rows = page.locator("li.event-row");
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(10);
    // Newest first by default: dated events lead, undated ones come last.
    expect(await rows.first().locator(".event-date").innerText()).toMatch(/^\d{4}/);
    await page.locator(".chart svg .brush").waitFor();
    await shot("timeline");

    // Drag across the right half of the histogram: since/until land in the URL.
    const box = (await page.locator(".chart svg").boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.4);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.99, box.y + box.height * 0.4, { steps: 5 });
    await page.mouse.up();
    await page.waitForURL(/since=\d{4}-\d{2}.*until=\d{4}-\d{2}/);
    await page.locator("li.event-row").first().waitFor();
    await settled();

    // A dated row with a sentence: the document view marks exactly that sentence.
    const first = page.locator("li.event-row").first();
    const snippet = (await first.locator(".event-sentence").innerText()).replace(/…$/, "").slice(0, 40);
    await first.locator("a.event-link").click();
    await page.waitForURL(/#\/documents\/\d+\?event=\d+/);
    const marked = page.locator(".doc-text .sentence.marked");
    await marked.waitFor();
    expect(await marked.count()).toBe(1);
    expect((await marked.innerText()).replace(/\s+/g, " ")).toContain(snippet.replace(/\s+/g, " ").trim());
    await expect
      .poll(() =>
        marked.evaluate((el) => {
          const r = el.getBoundingClientRect();
          return r.top >= 0 && r.top < window.innerHeight;
        }),
      )
      .toBe(true);
    expect(await page.locator(".doc-event-list li.selected").count()).toBe(1);
    await shot("document");
  });

  it("the filter bar narrows the timeline and keeps the filters in the URL and the exports", async () => {
    await open("#/timeline");
    await page.locator("li.event-row").first().waitFor();
    await page.locator("select[name=type]").selectOption("CONSULT");
    await page.locator("input[name=actor]").fill("RUS");
    await page.locator("form.filterbar button[type=submit]").click();
    await page.waitForURL(/type=CONSULT/);
    await settled();
    const types = await page.locator("li.event-row .type-badge").allInnerTexts();
    expect(types.length).toBeGreaterThan(0);
    expect(new Set(types.map((t) => t.trim()))).toEqual(new Set(["CONSULT"]));
    const csv = await page.locator("a.export", { hasText: "CSV" }).getAttribute("href");
    expect(csv).toMatch(/^\/api\/export\?/);
    expect(csv).toContain("actor=RUS");
    expect(csv).toContain("type=CONSULT");
    expect(csv).toContain("format=csv");
    const res = await fetch(new URL(csv!, server.base));
    expect(res.status).toBe(200);
    expect((await res.text()).split("\n").length).toBeGreaterThan(2);
  });

  it("document view: mentions link to dossiers, triggers are marked", async () => {
    await open("#/documents/1");
    await page.locator(".doc-text").waitFor();
    expect(await page.locator(".doc-text a.mention").count()).toBeGreaterThan(5);
    expect(await page.locator(".doc-text .trigger").count()).toBeGreaterThan(0);
    await page.locator(".doc-event-list li a.event-link").first().click();
    await page.waitForURL(/\?event=\d+/);
    await page.locator(".doc-text .sentence.marked").waitFor();
    await page.locator("dl.record").waitFor();
  });

  it("network: sigma draws the actor graph, with legends and the time slider", async () => {
    await open("#/network");
    const graph = page.locator(".graph-box[data-rendered]");
    await graph.waitFor({ timeout: 20_000 });
    expect(Number(await graph.getAttribute("data-rendered"))).toBeGreaterThan(5);
    expect(await page.locator(".graph-box canvas").count()).toBeGreaterThan(0);
    expect(await page.locator(".graph-legend").innerText()).toContain("cooperation");
    expect(await page.locator(".time-slider input[type=range]").count()).toBe(2);
    const gexf = await page.locator("a.export", { hasText: "GEXF" }).getAttribute("href");
    expect(gexf).toContain("/api/export?format=gexf");
    await shot("network");

    // The time slider refilters: moving the first month forward puts `since` in the URL and redraws.
    const first = page.locator(".time-slider input[aria-label='first month']");
    await first.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press("PageUp");
    await page.waitForURL(/#\/network\?since=\d{4}-\d{2}/);
    await page.locator(".graph-box[data-rendered]").waitFor();
    await open("#/network");
    await page.locator(".graph-box[data-rendered]").waitFor();

    // Sweep the pointer over the canvas until it rests on a node: the hover names it and its links,
    // and a click opens that actor's dossier.
    const box = (await graph.boundingBox())!;
    const points: [number, number][] = [];
    for (let gy = 0.05; gy < 0.96; gy += 0.03)
      for (let gx = 0.05; gx < 0.96; gx += 0.015) points.push([gx, gy]);
    // Hubs sit near the middle of a ForceAtlas2 layout: look there first.
    points.sort((p, q) => Math.hypot(p[0] - 0.5, p[1] - 0.5) - Math.hypot(q[0] - 0.5, q[1] - 0.5));
    let found = false;
    for (const [gx, gy] of points) {
      await page.mouse.move(box.x + box.width * gx, box.y + box.height * gy);
      found = await page.locator(".graph-hover").isVisible();
      if (found) break;
    }
    expect(found).toBe(true);
    expect(await page.locator(".graph-hover").innerText()).toMatch(/\d+ events? · \d+ links?/);
    await shot("network-hover");
    await page.mouse.down();
    await page.mouse.up();
    await page.waitForURL(/#\/actors\//);
    await page.locator(".dossier h1").waitFor();

    // From the dossier on to the actor's events, and from one of them to its evidence sentence.
    const asActor = page.locator("a", { hasText: /^Timeline as actor/ });
    const side = /\(0\)/.test(await asActor.innerText())
      ? page.locator("a", { hasText: /^as recipient/ })
      : asActor;
    await side.click();
    await page.waitForURL(/#\/timeline\?(actor|recipient)=/);
    const row = page.locator("li.event-row a.event-link").first();
    await row.waitFor();
    await row.click();
    await page.waitForURL(/#\/documents\/\d+\?event=\d+/);
    await page.locator(".doc-text .sentence.marked").waitFor();
  });

  it("map: the offline world map with event circles; a circle opens its evidence", async () => {
    await open("#/map");
    await page.locator(".map-box svg path.country").first().waitFor();
    const dots = page.locator("circle.event-dot");
    await dots.first().waitFor();
    expect(await dots.count()).toBeGreaterThan(0);
    expect(await page.locator(".place-list > li").count()).toBeGreaterThan(0);
    await shot("map");
    await dots.first().click({ force: true });
    await page.waitForURL(/#\/documents\/\d+\?event=\d+/);
    await page.locator(".doc-text .sentence.marked").waitFor();
  });

  it("actor dossier: names, counts by type, counterparts and dyad trends", async () => {
    await open("#/actors/RUS");
    await page.locator("h1", { hasText: "Russia" }).waitFor();
    expect(await page.locator(".chips .chip").count()).toBeGreaterThan(1);
    expect(await page.locator("table.typecounts tbody tr").count()).toBeGreaterThan(1);
    await page.locator(".trend .chart svg rect").first().waitFor();
    await shot("actor");
    await open("#/actors");
    await page.locator("table tbody tr").first().waitFor();
    await shot("actors");
    // A path the server answers with the app becomes the same hash route.
    await open("actors/TALIBAN");
    await page.waitForURL(/\/#\/actors\/TALIBAN$/);
    await page.locator("h1", { hasText: "Taliban" }).waitFor();
  });

  it("search finds Taliban and a hit opens the document at its sentence", async () => {
    await open("#/search");
    await page.locator("input#search-q").fill("Taliban");
    await page.locator("input#search-q").press("Enter");
    await page.waitForURL(/#\/search\?q=Taliban/);
    const hits = page.locator("li.hit");
    await hits.first().waitFor();
    expect(await hits.count()).toBeGreaterThan(3);
    expect((await page.locator("li.hit mark").first().innerText()).toLowerCase()).toContain("taliban");
    await shot("search");
    await hits.first().locator("a.hit-text").click();
    await page.waitForURL(/#\/documents\/\d+\?(event|sentence)=\d+/);
    await page.locator(".doc-text .sentence.marked").waitFor();
  });

  it("an empty database: every page says what to do instead of showing nothing", async () => {
    const empty = await serve(join(work, "empty.db"));
    try {
      for (const hash of ["#/", "#/timeline", "#/network", "#/map", "#/documents", "#/actors"]) {
        await page.goto(`${empty.base}${hash}`);
        const message = page.locator(".empty").first();
        await message.waitFor();
        expect(await message.innerText()).toMatch(/dyad ingest PATH/);
        if (hash === "#/") await shot("empty-overview");
      }
    } finally {
      empty.proc.kill();
    }
  });

  it("an API error shows a banner, not a blank page", async () => {
    // Errors are expected here: the 404 the browser logs is the point of the test.
    await open("#/actors/NO_SUCH_ACTOR_ANYWHERE");
    await page.locator(".error-banner").waitFor();
    expect(await page.locator(".error-banner").innerText()).toContain("NO_SUCH_ACTOR_ANYWHERE");
    problems = problems.filter((p) => !/404/.test(p));
  });

  it("renders hostile titles and text as text: no script runs, <script> is visible", async () => {
    const docs = (await (await fetch(`${server.base}api/documents?limit=100`)).json()) as {
      items: { id: number; title: string | null }[];
    };
    const hostile = docs.items.filter((d) => d.title?.includes("<script>"));
    expect(hostile.length).toBe(2);
    const pages = [
      "#/",
      "#/documents",
      ...hostile.map((d) => `#/documents/${d.id}`),
      "#/timeline?actor=NATO",
      "#/search?q=leaflet",
    ];
    for (const hash of pages) {
      await open(hash);
      await page.getByText("<script>window.__xss=1</script>", { exact: false }).first().waitFor();
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      expect(await page.locator("#app script, #app img").count()).toBe(0);
    }
    await open(`#/documents/${hostile[0].id}`);
    await page.locator(".doc-text").waitFor();
    expect(await page.locator(".doc-text").innerText()).toContain("<img src=x onerror=");
    await shot("hostile-document");
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });
});
