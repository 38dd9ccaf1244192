import { createConnection, createServer, type Socket } from 'node:net';

export interface TcpProxy {
  /** Where clients connect: 127.0.0.1 and this port. */
  port: number;
  /** Connections passing through right now. */
  readonly open: number;
  /**
   * A dependency going away (a restart, a failover): every connection through the proxy is
   * reset at once, and new ones are refused (accepted and reset) until `restore()`.
   */
  cut(): void;
  /**
   * A network partition: nothing passes either way (open connections hang, new ones are
   * accepted and then hear nothing) until `restore()`, when everything flows on as before.
   */
  stall(): void;
  /** Lets connections through again. */
  restore(): void;
  close(): Promise<void>;
}

/**
 * A TCP proxy to `target` that a test can cut, as a network fault between the server and its
 * database would: both sockets of every pair are destroyed, so the server sees its connection
 * drop mid-query rather than a polite shutdown. Or stall: nothing gets through, nothing fails.
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const pairs = new Set<[Socket, Socket]>();
  let refusing = false;
  let stalled = false;
  const server = createServer((client) => {
    if (refusing) {
      client.resetAndDestroy();
      return;
    }
    const upstream = createConnection(target);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    const drop = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    if (stalled) pause(pair);
    else resume(pair);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  function pause([client, upstream]: [Socket, Socket]) {
    client.unpipe(upstream);
    upstream.unpipe(client);
    client.pause();
    upstream.pause();
  }
  function resume([client, upstream]: [Socket, Socket]) {
    client.pipe(upstream);
    upstream.pipe(client);
  }
  const cutAll = () => {
    for (const [client, upstream] of pairs) {
      // A reset, not a FIN: the Postgres client learns of it as an error on the socket.
      client.resetAndDestroy();
      upstream.destroy();
    }
    pairs.clear();
  };
  return {
    port,
    get open() {
      return pairs.size;
    },
    cut() {
      refusing = true;
      cutAll();
    },
    stall() {
      stalled = true;
      pairs.forEach(pause);
    },
    restore() {
      refusing = false;
      if (stalled) pairs.forEach(resume);
      stalled = false;
    },
    async close() {
      cutAll();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
