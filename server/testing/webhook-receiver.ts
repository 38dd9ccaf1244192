import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signatureHeader, type EventBody } from '../../shared/api/event-webhooks.ts';
import { verifyBody } from '../event-webhooks/sign-body.ts';

export interface ReceivedEvent extends EventBody {
  /** The raw bytes as they arrived (what the signature covers). */
  raw: string;
}

export interface WebhookReceiver {
  url: string;
  /** Every delivery it accepted (signature valid, not down), in arrival order. */
  accepted: ReceivedEvent[];
  /** Deliveries refused for a bad or missing signature. */
  badSignatures: number;
  /** Deliveries answered 503 while down. */
  refusedWhileDown: number;
  /** The secret to check signatures with (set once the subscription exists). */
  secret: string;
  /** While true, every delivery is answered 503 (an integration down for maintenance). */
  down: boolean;
  close(): Promise<void>;
}

const readBody = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

/**
 * A subscriber as an integration would write one: a real HTTP server on 127.0.0.1 that checks
 * `X-Fluxo-Signature-256` over the raw body with the subscription's secret (401 when it does not
 * match), and can be taken down.
 */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const receiver: WebhookReceiver = {
    url: '',
    accepted: [],
    badSignatures: 0,
    refusedWhileDown: 0,
    secret: '',
    down: false,
    close: async () => undefined,
  };
  const server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      if (receiver.down) {
        receiver.refusedWhileDown++;
        res.writeHead(503).end();
        return;
      }
      if (!verifyBody(receiver.secret, raw, req.headers[signatureHeader.toLowerCase()] as string | undefined)) {
        receiver.badSignatures++;
        res.writeHead(401).end();
        return;
      }
      const text = raw.toString('utf8');
      receiver.accepted.push({ ...(JSON.parse(text) as EventBody), raw: text });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/fluxo`;
  receiver.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return receiver;
}
