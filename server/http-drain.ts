import { Server as NetServer } from 'node:net';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { errorBody } from './http/errors.ts';

/**
 * The HTTP side of a graceful stop. Meta (and load balancers) keep connections alive, so
 * closing the listening socket alone leaves them sending requests to a process that is about
 * to close its database (answered 500) and then exit (connections reset mid-request).
 *
 * `stopIntake()` stops listening and, from then on, answers every request 503 with
 * `Connection: close` (Meta delivers it again, on a new connection, to whoever listens); the
 * requests already in flight finish normally, also with `Connection: close`. `settled()` waits
 * for those; `closeConnections()`, the last step, closes the kept-alive connections that stayed
 * idle the whole time.
 */
export function createHttpDrain() {
  const inFlight = new Set<ServerResponse>();
  let server: Server | null = null;
  let draining = false;
  let onSettled: (() => void) | null = null;

  return {
    /** Starts counting the server's requests (ahead of the app's own listener). */
    attach(to: Server) {
      server = to;
      to.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => {
        inFlight.add(res);
        if (draining && !res.headersSent) res.setHeader('connection', 'close');
        res.once('close', () => {
          inFlight.delete(res);
          if (inFlight.size === 0) onSettled?.();
        });
      });
    },
    get draining() {
      return draining;
    },
    /** Wraps the app: while draining, every new request is turned away without touching it. */
    fetch<A extends unknown[]>(next: (request: Request, ...rest: A) => Response | Promise<Response>) {
      return (request: Request, ...rest: A): Response | Promise<Response> => {
        if (!draining) return next(request, ...rest);
        return Response.json(errorBody('shutting_down', 'O servidor está sendo desligado; tente de novo.'), {
          status: 503,
          headers: { 'retry-after': '5', connection: 'close' },
        });
      };
    },
    stopIntake() {
      draining = true;
      for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
      // net.Server's close, not http.Server's: the latter also drops idle kept-alive connections
      // at once, and a request the client is writing on one at that moment is reset. Instead,
      // each such connection is closed after answering its next request (see above).
      if (server) NetServer.prototype.close.call(server);
    },
    /** Resolves when no request is in flight, or after `timeoutMs` (false: some still were). */
    settled(timeoutMs: number): Promise<boolean> {
      if (inFlight.size === 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          onSettled = null;
          resolve(false);
        }, timeoutMs);
        onSettled = () => {
          clearTimeout(timer);
          onSettled = null;
          resolve(true);
        };
      });
    },
    closeConnections() {
      server?.closeAllConnections();
    },
    get inFlight() {
      return inFlight.size;
    },
  };
}
