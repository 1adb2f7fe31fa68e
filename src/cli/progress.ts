/** A single progress line on a terminal's stderr, redrawn at most a few times a second; silent otherwise. */

const INTERVAL_MS = 250;

export class Progress {
  private last = 0;
  private shown = false;
  private readonly tty: boolean;

  constructor(private readonly stream: NodeJS.WriteStream) {
    this.tty = stream.isTTY === true;
  }

  update(line: () => string): void {
    if (!this.tty) return;
    const now = Date.now();
    if (now - this.last < INTERVAL_MS) return;
    this.last = now;
    const width = (this.stream.columns ?? 100) - 1;
    this.stream.write(`\r\x1b[K${line().slice(0, width)}`);
    this.shown = true;
  }

  /** Writes a message on its own line, then lets the progress line come back. */
  interrupt(write: () => void): void {
    this.clear();
    write();
  }

  done(): void {
    this.clear();
  }

  private clear(): void {
    if (!this.shown) return;
    this.stream.write("\r\x1b[K");
    this.shown = false;
  }
}
