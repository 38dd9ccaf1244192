import { createServer, connect, type Socket } from 'node:net';

export interface TcpProxy {
  /** Where clients connect instead of the target (on 127.0.0.1). */
  port: number;
  /** Resets every open connection and refuses new ones: the dependency vanished. */
  cut(): void;
  /** Accepts and forwards connections again. */
  restore(): void;
  close(): Promise<void>;
}

/**
 * A TCP forwarder for fault tests: a dependency (Redis, Postgres) reached through it can be
 * cut off mid-load and brought back, with real sockets on both sides.
 */
export async function startTcpProxy({ target }: { target: { host: string; port: number } }): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let refusing = false;
  const track = (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
    // A reset from either side is the point of the exercise, not an error of the test.
    socket.on('error', () => undefined);
  };

  const server = createServer((client) => {
    track(client);
    if (refusing) { client.resetAndDestroy(); return; }
    const upstream = connect(target.port, target.host);
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    // Either side going away takes the other with it, as a dropped connection would.
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };

  const cutAll = () => { for (const s of open) s.resetAndDestroy(); };
  return {
    port,
    cut() {
      refusing = true;
      cutAll();
    },
    restore() {
      refusing = false;
    },
    async close() {
      cutAll();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
