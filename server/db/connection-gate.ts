/**
 * The turn to use embedded PGlite's single connection: one holder at a time (a transaction
 * holds it from begin to commit). Urgent callers (storing webhooks, which Meta waits on) go
 * ahead of everyone still waiting, never ahead of the current holder; among themselves, and
 * among the rest, first come first served. Webhook storage is group-committed, so at most one
 * urgent caller waits at a time and background work still gets every other turn.
 */
export class ConnectionGate {
  private held = false;
  private readonly waiting: { urgent: boolean; grant: () => void }[] = [];

  acquire(urgent = false): Promise<void> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve();
    }
    return new Promise<void>((grant) => {
      const entry = { urgent, grant };
      const firstPlain = urgent ? this.waiting.findIndex((w) => !w.urgent) : -1;
      if (firstPlain === -1) this.waiting.push(entry);
      else this.waiting.splice(firstPlain, 0, entry);
    });
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next.grant();
    else this.held = false;
  }
}
