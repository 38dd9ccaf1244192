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

export interface ProductVariant {
  id: string;
  /** "Grande", "Calabresa": shown after the product's name. */
  name: string;
  priceCents: number;
  promoPriceCents?: number | null;
  /** null means "not tracked"; 0 means sold out and is never offered. */
  stock: number | null;
}

export interface Product {
  id: string;
  categoryId: string;
  name: string;
  description: string;
  priceCents: number;
  /** A lower price charged instead of `priceCents` while set. */
  promoPriceCents?: number | null;
  imageUrl: string | null;
  /** null means "not tracked"; 0 means sold out and is never offered. */
  stock: number | null;
  /** Sizes or flavours, each with its own price and stock; none means the product is sold as is. */
  variants?: ProductVariant[];
  /** Free attributes (quartos: "3", bairro: "Centro") the picker and the agent filter by. */
  attributes?: Record<string, string>;
}

export interface Category {
  id: string;
  name: string;
}

export interface CatalogPort {
  /**
   * The categories with these ids, in catalog order; an empty list asks for every category of
   * `catalogId` (the default catalog, or the channel's, when absent).
   */
  categories(ids: string[], catalogId?: string | null): Promise<Category[]>;
  products(categoryId: string): Promise<Product[]>;
  product(id: string): Promise<Product | null>;
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
}
