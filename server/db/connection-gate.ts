/** A statement on its own, or a whole transaction (begin to commit). */
export type GateTurn = 'statement' | 'transaction';

/**
 * The turns on embedded PGlite's single connection. The database thread runs what it is sent
 * one statement at a time, in arrival order, so statements on their own need not wait for each
 * other's answers: up to `pipelineDepth` are sent ahead, and the thread goes from one to the next
 * without waiting for this thread to read an answer and send the next (it sat idle in between
 * whenever this thread was busy with HTTP or the engine). A transaction is sent only when no
 * other one is open, and nothing else is sent until it ends: its statements never interleave
 * with anyone's. Statements already sent before it run first, which changes nothing, as on a
 * pool of connections.
 *
 * Urgent callers (storing webhooks, which Meta waits on) go ahead of everyone still waiting;
 * among themselves, and among the rest, first come first served. An urgent statement is sent
 * at once, past the pipeline's depth, and the database thread runs it ahead of statements sent
 * before it (pglite-worker.mjs): it waits only for the one running, as without a pipeline.
 */
export class ConnectionGate {
  private inTransaction = false;
  private statementsSent = 0;
  private readonly waiting: { turn: GateTurn; urgent: boolean; grant: () => void }[] = [];

  constructor(private readonly pipelineDepth = 3) {}

  acquire(turn: GateTurn, urgent = false): Promise<void> {
    return new Promise<void>((grant) => {
      const entry = { turn, urgent, grant };
      const firstPlain = urgent ? this.waiting.findIndex((w) => !w.urgent) : -1;
      if (firstPlain === -1) this.waiting.push(entry);
      else this.waiting.splice(firstPlain, 0, entry);
      this.grantTurns();
    });
  }

  release(turn: GateTurn): void {
    if (turn === 'transaction') this.inTransaction = false;
    else this.statementsSent -= 1;
    this.grantTurns();
  }

  /** Grants waiting turns in order, stopping at the first that cannot go yet. */
  private grantTurns(): void {
    while (this.waiting.length > 0 && !this.inTransaction) {
      const next = this.waiting[0]!;
      if (next.turn === 'statement') {
        // Urgent statements are sent at once: the database thread runs them ahead of the others.
        if (!next.urgent && this.statementsSent >= this.pipelineDepth) return;
        this.statementsSent += 1;
      } else {
        this.inTransaction = true;
      }
      this.waiting.shift();
      next.grant();
    }
  }
}
