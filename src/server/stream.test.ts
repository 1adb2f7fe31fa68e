/** The export stream: back-pressure, a visible break on failure, silence when the client leaves. */
import { describe, expect, it } from "vitest";
import { streamed } from "./routes/export.js";

const line = `${"x".repeat(999)}\n`;

describe("export streaming", () => {
  it("delivers everything written, in order", async () => {
    const body = streamed(
      async (sink) => {
        for (let i = 0; i < 300; i++) await sink.write(`${i}:${line}`);
      },
      () => {
        throw new Error("no error expected");
      },
    );
    const text = await new Response(body).text();
    expect(text.split("\n").filter(Boolean)).toHaveLength(300);
    expect(text.startsWith(`0:${line}1:`)).toBe(true);
  });

  it("breaks the download off (not a clean end) when the export fails midway, logging it once", async () => {
    const errors: Error[] = [];
    const body = streamed(
      async (sink) => {
        for (let i = 0; i < 100; i++) await sink.write(line);
        throw new Error("database went away");
      },
      (err) => errors.push(err),
    );
    await expect(new Response(body).text()).rejects.toThrow("database went away");
    expect(errors.map((e) => e.message)).toEqual(["database went away"]);
  });

  it("stops writing without logging when the client cancels", async () => {
    const errors: Error[] = [];
    let written = 0;
    let finished!: () => void;
    const done = new Promise<void>((r) => {
      finished = r;
    });
    const body = streamed(
      async (sink) => {
        try {
          for (let i = 0; i < 100_000; i++) {
            await sink.write(line);
            written++;
          }
        } finally {
          finished();
        }
      },
      (err) => errors.push(err),
    );
    const reader = body.getReader();
    await reader.read();
    await reader.cancel();
    await done;
    expect(written).toBeLessThan(100_000);
    expect(errors).toEqual([]);
  });
});
