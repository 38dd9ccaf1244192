/**
 * Batches concurrent writes ("group commit"): while `writers` batches are being written, new
 * items queue up and go together in the next. One item alone is written at once, so there is
 * no added latency at low load; under load a statement carries many. Two writers (on a
 * Postgres pool) keep an item from waiting behind a whole slow batch. Items nobody waits on
 * (`lingerMs`) hold each batch open that long, so that, at a steady rate too, one statement
 * carries several.
 */
export function createGroupCommit<T, R>(
  writeBatch: (items: T[]) => Promise<R[]>,
  { maxBatch = 256, writers = 1, lingerMs = 0 }: { maxBatch?: number; writers?: number; lingerMs?: number } = {},
) {
  type Pending = { item: T; resolve: (r: R) => void; reject: (e: unknown) => void };
  let queue: Pending[] = [];
  let writing = 0;

  async function drain(): Promise<void> {
    if (writing >= writers) return;
    writing += 1;
    try {
      while (queue.length > 0) {
        if (lingerMs > 0) await new Promise((resolve) => setTimeout(resolve, lingerMs));
        const batch = queue.slice(0, maxBatch);
        queue = queue.slice(batch.length);
        try {
          const results = await writeBatch(batch.map((p) => p.item));
          batch.forEach((p, i) => p.resolve(results[i] as R));
        } catch (err) {
          batch.forEach((p) => p.reject(err));
        }
      }
    } finally {
      writing -= 1;
    }
  }

  return {
    submit(item: T): Promise<R> {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        void drain();
      });
    },
  };
}
