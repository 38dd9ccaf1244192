import type { LanguageModel, TranscriptionModel } from 'ai';
import type { AgendaRules } from '../shared/agenda/agenda.ts';
import type { BookedCounts } from '../shared/agenda/slots.ts';
import type { BusinessHours } from '../shared/api/settings.ts';

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
  /** The shop's code: the retailer id Meta knows the variant by (see shared/meta-catalog/retailer-id.ts). */
  sku?: string | null;
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
  /** The shop's code: the retailer id Meta knows the product by. */
  sku?: string | null;
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
  /**
   * The Meta commerce catalog id `catalogId` (null: the channel's or the default one) is synced
   * to, for WhatsApp product messages; null when it is not linked or not synced yet. Absent
   * (the simulator, tests): pickers ask with lists.
   */
  metaCatalog?(catalogId: string | null): Promise<string | null>;
}

export interface Booking {
  id: string;
  agendaId: string;
  /** ISO instant in UTC. */
  startsAt: string;
}

export interface BookingRequest {
  agendaId: string;
  /** ISO instant in UTC of a slot the agenda offers. */
  startsAt: string;
  contact: { name: string; phone: string };
}

/**
 * Appointments (Agenda). Booking goes through a port, not an effect, because whether the seat
 * was still free decides what the contact is told now; the adapter makes it atomic (a unique
 * seat per slot) and idempotent per contact and slot, so a retried step finds its own booking.
 */
export interface AgendaPort {
  /** null when there is no such agenda. */
  rules(agendaId: string): Promise<AgendaRules | null>;
  /** Seats taken per start instant between `from` and `to`. */
  booked(agendaId: string, from: Date, to: Date): Promise<BookedCounts>;
  /** null when every seat was taken meanwhile or the slot is not bookable (past, closed). */
  book(request: BookingRequest): Promise<Booking | null>;
  /** The contact's next booking at this agenda that has not started yet. */
  upcoming(agendaId: string, phone: string): Promise<Booking | null>;
  /** Cancels a booking of this contact; cancelling twice is harmless. */
  cancel(bookingId: string, phone: string): Promise<void>;
}

/** A file a contact sent, as the inbound message names it. */
export interface MediaRef {
  mediaId?: string | undefined;
  url?: string | undefined;
  mimeType?: string | undefined;
}

export interface MediaFile {
  bytes: Uint8Array;
  mimeType: string;
}

/** What a named provider can do besides text (Configurações). */
export interface AiMediaSupport {
  /** The provider's models read pictures (image parts). */
  vision: boolean;
  /** Voice notes become text through its `/audio/transcriptions`; null when not configured. */
  transcription: TranscriptionModel | null;
}

/** How the business takes Pix (Configurações), as the payment block needs it. */
export interface PixSetup {
  key: string;
  merchantName: string;
  merchantCity: string;
  /** How long a charge waits when its block does not say. */
  expiryMinutes: number;
  /** Meta's Payments API configuration of the contact's channel; null sends the code and its QR instead. */
  paymentConfiguration: string | null;
  /** The public, unguessable address of the QR image of the charge with this reference. */
  qrImageUrl(reference: string): string;
}

export interface PaymentsPort {
  /**
   * null when no Pix key is set up: the payment block leaves through `error`. `channelId` is
   * the contact's channel (its Payments API configuration); null in the simulator.
   */
  pix(channelId: string | null): Promise<PixSetup | null>;
}

export interface Ports {
  clock: {
    now(): Date;
    /** The installation's IANA time zone (Configurações) for dates the flow prints and reads; São Paulo when absent. */
    timeZone?: string;
    /** The business hours (Configurações) for `{{dentro_do_horario}}`; the settings' defaults when absent. */
    businessHours?: BusinessHours;
  };
  ids: { next(): string };
  http: HttpPort;
  /** null when no provider is configured: LLM nodes then take their `error` output. */
  llm: LanguageModel | null;
  catalog: CatalogPort;
  agenda: AgendaPort;
  /**
   * The model of a named provider for blocks that choose one (agent); null when that provider
   * is not configured. Absent: such blocks use `llm`.
   */
  aiModel?(choice: { provider: string; model: string }): Promise<LanguageModel | null>;
  /** Absent: payment blocks leave through `error`, as without a Pix key. */
  payments?: PaymentsPort;
  /**
   * The bytes of a file a contact sent (the server downloads it from Graph); null when it
   * cannot be had. Absent: blocks treat pictures and voice notes as unreadable, as before.
   */
  media?(ref: MediaRef): Promise<MediaFile | null>;
  /** What a named provider (empty: the default one) does with pictures and voice notes. */
  aiMedia?(provider: string): Promise<AiMediaSupport>;
}
