import type { LanguageModel } from 'ai';

/**
 * What the engine may ask the world while it decides. Each port is injected by the
 * server (real I/O) or by `runtime/testing/ports.ts` (in memory), so `step` stays pure.
 */
export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export interface HttpResponse {
  status: number;
  body: string;
}

/**
 * May throw on network error, timeout or a refused address: the server's adapter does the
 * SSRF and size checks, the engine maps any throw to the node's `error` output.
 */
export type HttpPort = (req: HttpRequest) => Promise<HttpResponse>;

export interface Product {
  id: string;
  categoryId: string;
  name: string;
  description: string;
  priceCents: number;
  imageUrl: string | null;
  /** null means "not tracked"; 0 means sold out and is never offered. */
  stock: number | null;
}

export interface Category {
  id: string;
  name: string;
}

export interface CatalogPort {
  /** The categories with these ids, in catalog order; an empty list asks for every category. */
  categories(ids: string[]): Promise<Category[]>;
  products(categoryId: string): Promise<Product[]>;
  product(id: string): Promise<Product | null>;
}

/** A visit time the agent may offer; `id` is what `book_slot` takes back. */
export interface Slot {
  id: string;
  label: string;
}

/**
 * Free appointment times, when the installation keeps an agenda. Absent: the agent block
 * offers the times declared on the block itself.
 */
export interface SchedulePort {
  freeSlots(from: Date, days: number): Promise<Slot[]>;
}

export interface Ports {
  clock: {
    now(): Date;
    /** The installation's IANA time zone (Configurações) for dates the flow prints and reads; São Paulo when absent. */
    timeZone?: string;
  };
  ids: { next(): string };
  http: HttpPort;
  /** null when no provider is configured: LLM nodes then take their `error` output. */
  llm: LanguageModel | null;
  catalog: CatalogPort;
  /**
   * The model of a named provider for blocks that choose one (agent); null when that provider
   * is not configured. Absent: such blocks use `llm`.
   */
  aiModel?(choice: { provider: string; model: string }): Promise<LanguageModel | null>;
  schedule?: SchedulePort;
}
