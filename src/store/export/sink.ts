/** Where an export writes: text chunks, awaited so back-pressure keeps memory flat. */
export interface Sink {
  write(text: string): Promise<void>;
}
