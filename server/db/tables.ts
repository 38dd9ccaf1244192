import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { ContactFieldValues } from '../../shared/api/contacts.ts';
import type { ContactsInFlow, SkipReason, StoredCampaignStatus } from '../../shared/api/campaigns.ts';

/** Columns the database fills in on insert (defaults) and callers may still set. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string | T, string | T>;
type JsonObject = Record<string, unknown>;

export type Role = 'admin' | 'editor' | 'supervisor' | 'agent';

export interface UsersTable {
  id: string;
  email: string;
  name: Defaulted<string>;
  password_hash: string;
  role: Role;
  disabled: Defaulted<boolean>;
  created_at: Timestamp;
}

export interface AuthSessionsTable {
  token_hash: string;
  user_id: string;
  expires_at: Timestamp;
  created_at: Timestamp;
}

export interface ApiTokensTable {
  id: string;
  name: string;
  token_hash: string;
  role: Role;
  created_by: string | null;
  /** The user the token acts as; null for a "system" token made by the CLI without `--user`. */
  user_id: string | null;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface FlowsTable {
  id: string;
  name: string;
  draft: Json<JsonObject>;
  revision: Defaulted<number>;
  published_version: number | null;
  created_by: string | null;
  updated_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FlowVersionsTable {
  id: string;
  flow_id: string;
  version: number;
  graph: Json<JsonObject>;
  note: Defaulted<string>;
  author_id: string | null;
  created_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<string>;
  actor_id: string | null;
  actor_kind: Defaulted<string>;
  action: string;
  target_type: string;
  target_id: string | null;
  details: Json<JsonObject>;
  created_at: Timestamp;
}

export interface ChannelsTable {
  id: string;
  name: string;
  phone_number_id: string;
  waba_id: string | null;
  display_phone: string | null;
  access_token_enc: string;
  app_secret_enc: string;
  verify_token: string;
  flow_id: string | null;
  mark_read: Defaulted<boolean>;
  healthy: Defaulted<boolean>;
  health_error: string | null;
  /** The last connection test (or real send) and its outcome; null until one happened. */
  checked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  check_ok: ColumnType<boolean | null, boolean | null | undefined, boolean | null>;
  check_error: ColumnType<string | null, string | null | undefined, string | null>;
  check_details: ColumnType<JsonObject | null, string | null | undefined, string | null>;
  /** When Meta's webhook handshake last succeeded with this channel's verify token. */
  webhook_verified_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** The catalog its product pickers offer when they name none; null: the default catalog. */
  catalog_id: Defaulted<string | null>;
  /** Messages per second Meta allows the number; null: the default 80 (campaigns pace to it). */
  throughput: Defaulted<number | null>;
  created_at: Timestamp;
  updated_at: Timestamp;

  /** The tier Meta reports for the number (80 or 1,000 messages/s); null until read (migration 0029). */
  graph_throughput: Defaulted<number | null>;
  throughput_read_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** Meta's Payments API configuration name; null: payment blocks send the Pix code and its QR. */
  payment_configuration: Defaulted<string | null>;
}

export interface ContactsTable {
  id: string;
  channel_id: string;
  wa_id: string | null;
  user_id: string | null;
  name: Defaulted<string>;
  last_inbound_at: Timestamp | null;
  variables: Json<JsonObject>;
  /** Labels people give the contact ("cliente", "vip"); the contacts page filters by them. */
  tags: Defaulted<string[]>;
  /** Custom fields: CSV import columns, edits, and flow variables marked in `contact_fields`. */
  fields: ColumnType<ContactFieldValues, string | undefined, string>;
  /** When the contact asked not to be messaged (campaigns); null while they accept. */
  opted_out_at: Timestamp | null;
  lease_owner: string | null;
  lease_until: Timestamp | null;
  /** The newest WhatsApp timestamp of the messages processed so far (late ones older than it are not run). */
  handled_up_to: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type SessionStatus = 'active' | 'handoff' | 'ended';

/** A flow variable whose value is copied into its contact's `fields` (migration 0015). */
export interface ContactFieldsTable {
  name: string;
  label: string;
  created_at: Defaulted<Date>;
}

export interface ConversationSessionsTable {
  id: string;
  contact_id: string;
  flow_id: string;
  flow_version_id: string;
  status: SessionStatus;
  state: Json<JsonObject>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MessagesTable {
  id: string;
  channel_id: string;
  contact_id: string;
  direction: 'in' | 'out';
  wamid: string | null;
  type: string;
  text: string | null;
  payload: Json<JsonObject>;
  status: string;
  error: Json<JsonObject> | null;
  wa_timestamp: Timestamp | null;
  session_id: string | null;
  author_kind: Defaulted<string>;
  author_id: string | null;
  created_at: Timestamp;
  /**
   * Inbound: when the processor handled it; null while it waits (the claim's queue). Outbound:
   * when it was written, never null (migration 0040 says why).
   */
  processed_at: Timestamp | null;
}

export interface OutboxTable {
  id: string;
  message_id: string;
  channel_id: string;
  contact_id: string;
  seq: Generated<number>;
  kind: Defaulted<'message' | 'read'>;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  locked_until: Timestamp | null;
  /** The process holding the send's lock (see `processLeaseOwner`); null on older rows. */
  lock_owner: Defaulted<string | null>;
  wamid: string | null;
  attempts: Defaulted<number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
  created_at: Timestamp;
}

export interface ScheduledJobsTable {
  id: string;
  kind: string;
  key: string | null;
  contact_id: string | null;
  run_at: Timestamp;
  payload: Json<JsonObject>;
  status: Defaulted<'pending' | 'done' | 'failed'>;
  attempts: Defaulted<number>;
  locked_until: Timestamp | null;
  last_error: string | null;
  created_at: Timestamp;
}

export interface HandoffsTable {
  id: string;
  contact_id: string;
  session_id: string | null;
  team: string;
  status: 'open' | 'claimed' | 'resolved';
  assigned_user_id: string | null;
  note: Defaulted<string>;
  context: Json<JsonObject>;
  created_at: Timestamp;
  claimed_at: Timestamp | null;
  resolved_at: Timestamp | null;
  /** Higher first in the team queue (0 normal, 1 high, 2 urgent). */
  priority: Defaulted<number>;
  first_reply_at: Timestamp | null;
  sla_breached_at: Timestamp | null;
}

export interface TeamsTable {
  id: string;
  name: string;
  sla_seconds: Defaulted<number>;
  created_at: Timestamp;
}

export interface TeamMembersTable {
  team_id: string;
  user_id: string;
}

export interface CannedRepliesTable {
  id: string;
  team_id: string;
  title: string;
  text: string;
}

export type PresenceStatus = 'online' | 'away' | 'offline';

export interface AgentPresenceTable {
  user_id: string;
  status: Defaulted<PresenceStatus>;
  capacity: Defaulted<number>;
  last_active_at: Timestamp | null;
  last_assigned_at: Timestamp | null;
}

export interface HandoffNotesTable {
  id: string;
  handoff_id: string;
  user_id: string | null;
  kind: 'note' | 'transfer' | 'reopen';
  text: string;
  created_at: Timestamp;
}

export interface CatalogsTable {
  id: string;
  name: string;
  created_at: Timestamp;
}

export interface CategoriesTable {
  id: string;
  catalog_id: Defaulted<string>;
  name: string;
  position: Defaulted<number>;
  created_at: Timestamp;
}

export interface ProductsTable {
  id: string;
  category_id: string;
  sku: string | null;
  name: string;
  description: Defaulted<string>;
  price_cents: number;
  promo_price_cents: Defaulted<number | null>;
  image_url: string | null;
  stock: number | null;
  /** Free attributes the picker and the agent filter by (bedrooms, parking, neighbourhood). */
  attributes: ColumnType<Record<string, string>, string | undefined, string>;
  active: Defaulted<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Migration 0037: a catalog mirrored into a Meta commerce catalog, and its last sync. */
export interface MetaCatalogLinksTable {
  catalog_id: string;
  meta_catalog_id: string;
  brand: Defaulted<string | null>;
  website_url: Defaulted<string | null>;
  auto_sync: Defaulted<boolean>;
  sync_due_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  last_sync_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** `MetaCatalogSyncResult` (shared/api/meta-catalog.ts). */
  last_sync: ColumnType<JsonObject | null, string | null | undefined, string | null>;
  updated_at: Timestamp;
}

/** What Meta holds of each item, hashed: an unchanged hash is not sent again. */
export interface MetaCatalogItemsTable {
  catalog_id: string;
  retailer_id: string;
  hash: string;
}

export type OrderStatus = 'new' | 'confirmed' | 'preparing' | 'shipped' | 'delivered' | 'cancelled';

export interface OrdersTable {
  id: string;
  contact_id: string | null;
  session_id: string | null;
  flow_id: string | null;
  channel_id: Defaulted<string | null>;
  /** Short, sequential: the number a customer and an operator say to each other. */
  number: Generated<number>;
  status: OrderStatus;
  total_cents: number;
  notes: Defaulted<string>;
  address: Defaulted<string>;
  payment_method: Defaulted<string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;

  /** The Pix charge of a payment block: reference (txid, Meta's reference_id), code, when paid. */
  payment_reference: Defaulted<string | null>;
  pix_code: Defaulted<string | null>;
  paid_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface OrderItemsTable {
  id: string;
  order_id: string;
  product_id: string | null;
  name: string;
  unit_price_cents: number;
  quantity: number;
  variant_id: Defaulted<string | null>;
  /** Units taken from stock when the order was recorded; a cancel gives them back. */
  reserved: Defaulted<number>;
}

export interface ProductVariantsTable {
  id: string;
  product_id: string;
  name: string;
  price_cents: number;
  promo_price_cents: number | null;
  stock: number | null;
  position: Defaulted<number>;

  /** Migration 0035: the variant's own code. */
  sku: Defaulted<string | null>;
}

export interface ProductPhotosTable {
  id: string;
  product_id: string;
  token: string;
  position: Defaulted<number>;
  mime_type: string;
  width: number;
  height: number;
  bytes: Uint8Array;
  created_at: Timestamp;
}

/** What the customer is told when their order reaches a status. */
export interface PixQrImagesTable {
  reference: string;
  mime_type: string;
  bytes: Uint8Array;
  created_at: Timestamp;
}

export interface OrderNotificationsTable {
  /** A status, or `paid` (migration 0036). */
  status: OrderStatus | 'paid';
  enabled: boolean;
  text: string;
  template_name: string | null;
  template_language: Defaulted<string>;
  template_parameters: Json<string[]>;
  updated_at: Timestamp;
}

export interface AnalyticsEventsTable {
  id: Generated<string>;
  flow_id: string;
  flow_version_id: string;
  node_id: string;
  contact_id: string | null;
  session_id: string | null;
  kind: string;
  output: string | null;
  created_at: Timestamp;
}

export interface SimulatorSessionsTable {
  id: string;
  flow_id: string;
  state: Json<JsonObject>;
  updated_at: Timestamp;
}

export interface MediaFilesTable {
  id: string;
  /** Null for an agent's upload not sent yet (migration 0030). */
  message_id: string | null;
  status: 'stored' | 'failed';
  mime_type: string | null;
  sha256: string | null;
  size: number | null;
  bytes: Uint8Array | null;
  error: string | null;
  created_at: Timestamp;

  /** An upload's public, unguessable address part (`/files/<token>`); null for inbound media. */
  token: Defaulted<string | null>;
  file_name: Defaulted<string | null>;
  uploaded_by: Defaulted<string | null>;
}

export interface CampaignsTable {
  id: string;
  name: string;
  channel_id: string;
  flow_id: string | null;
  template: Json<JsonObject>;
  audience: Json<unknown[]>;
  /** `running` once its sends are queued; whether it is done is read from its recipients. */
  status: StoredCampaignStatus;
  scheduled_at: Timestamp;
  queued: Defaulted<number>;
  contacts_in_flow: Defaulted<ContactsInFlow>;
  /** Null: once. Else a recurring campaign, whose `scheduled_at` is its next run (migration 0021). */
  schedule: Json<JsonObject> | null;
  /** An audience read from the contacts at each run; null for the list in `audience`. */
  audience_filter: Json<JsonObject> | null;
  /** The recurring campaign this is a run of. */
  parent_id: Defaulted<string | null>;
  /** When its last wave of sends was queued (pacing by the number's throughput). */
  last_wave_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_by: string | null;
  created_at: Timestamp;

  /** When every recipient was settled and `campaign.finished` was emitted (migration 0029). */
  finished_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface CampaignRecipientsTable {
  campaign_id: string;
  position: number;
  contact_id: string;
  phone: string;
  name: Defaulted<string>;
  /** Null when skipped, and while waiting its turn (neither set). */
  message_id: string | null;
  skip_reason: SkipReason | null;
  /** The audience line's values, for the template's parameters and the flow. */
  variables: ColumnType<JsonObject, string | undefined, string>;
  created_at: Timestamp;
}

export interface ConversationReadsTable {
  contact_id: string;
  /** The user who read, or the token for one of no user. */
  reader_id: string;
  read_at: Timestamp;
}

/** One setting per key; the value's shape is the key's schema in shared/api/settings.ts. */
export interface SettingsTable {
  key: string;
  value: Json<unknown>;
  updated_at: Timestamp;
}

export interface AiProvidersTable {
  id: string;
  name: string;
  base_url: string;
  /** Sealed with the secret box; null for providers that take no key. */
  api_key_enc: string | null;
  model: string;
  is_default: Defaulted<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;

  /** Its models read pictures (migration 0032). */
  vision: Defaulted<boolean>;
  /** Voice notes go to its `/audio/transcriptions` with this model; empty: none (migration 0032). */
  transcription_model: Defaulted<string>;
}

/** Meta's message templates per channel (migration 0020). */
export interface MessageTemplatesTable {
  id: string;
  channel_id: string;
  waba_id: string;
  meta_id: string;
  name: string;
  language: string;
  category: string;
  status: string;
  quality: string | null;
  parameter_format: Defaulted<string>;
  components: ColumnType<unknown, string, string>;
  rejected_reason: string | null;
  updated_at: Timestamp;
}

export interface EventWebhooksTable {
  id: string;
  kind: Defaulted<'http' | 'chatwoot'>;
  url: string;
  description: Defaulted<string>;
  /** Event types (`shared/api/event-webhooks.ts`). */
  events: Json<string[]>;
  secret_enc: string;
  active: Defaulted<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ChatwootSettingsTable {
  /** Always `chatwoot`: one connection per installation. */
  id: string;
  base_url: string;
  account_id: number;
  inbox_id: number;
  api_token_enc: string;
  /** Optional: verifies `X-Chatwoot-Signature` (Chatwoot 4.13+ API inboxes have a secret). */
  webhook_secret_enc: string | null;
  /** The secret part of `/webhooks/chatwoot/:token`. */
  webhook_token: string;
  /** Only this channel's contacts are mirrored; null: every channel's. */
  channel_id: string | null;
  enabled: Defaulted<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A contact's counterpart in Chatwoot, and the conversation its messages go to. */
export interface ChatwootLinksTable {
  contact_id: string;
  chatwoot_contact_id: number;
  source_id: string;
  conversation_id: number | null;
  /** `pending` (bot), `open` (humans), `resolved`: a resolved one is never written to again. */
  conversation_status: string | null;
  updated_at: Timestamp;
}

/** Messages known on both sides, by Chatwoot's id: an agent reply is queued once, and never mirrored back. */
export interface ChatwootMessagesTable {
  chatwoot_message_id: number;
  message_id: string | null;
  direction: 'to_chatwoot' | 'from_chatwoot';
  created_at: Timestamp;
}

export type EventDeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface EventDeliveriesTable {
  id: string;
  seq: Generated<string>;
  webhook_id: string;
  event_id: string;
  event_type: string;
  contact_id: string | null;
  body: string;
  status: Defaulted<EventDeliveryStatus>;
  attempts: Defaulted<number>;
  next_attempt_at: Timestamp;
  lease_until: Timestamp | null;
  last_attempt_at: Timestamp | null;
  last_status: number | null;
  last_error: string | null;
  delivered_at: Timestamp | null;
  created_at: Timestamp;
}

export interface AgendasTable {
  id: string;
  name: string;
  /** shared/agenda/agenda.ts `agendaRules`, name included. */
  rules: Json<JsonObject>;
  calendar_token: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface BookingsTable {
  id: string;
  agenda_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  seat: number;
  contact_id: string | null;
  contact_phone: string;
  contact_name: Defaulted<string>;
  status: Defaulted<'booked' | 'cancelled'>;
  remind_at: Timestamp | null;
  reminded_at: Timestamp | null;
  created_at: Timestamp;
  cancelled_at: Timestamp | null;
}

/** The dashboard's per-day rollup (migration 0019; see server/dashboard/rollup.ts). */
export interface DailyFiguresTable {
  time_zone: string;
  /** `YYYY-MM-DD` in `time_zone`. */
  day: string;
  channel_id: string;
  metric: string;
  key: Defaulted<string>;
  /** bigint: pg returns it as a string. */
  value: ColumnType<string | number, number, number>;
}

export interface DailyFigureDaysTable {
  time_zone: string;
  day: string;
  computed_at: Timestamp;
}

/** One AI agent turn (migration 0025); `tool_calls` holds `AiToolCall[]` in call order. */
export interface AiRunsTable {
  id: string;
  contact_id: string;
  session_id: string | null;
  flow_id: string | null;
  node_id: string;
  provider: Defaulted<string>;
  model: Defaulted<string>;
  outcome: string;
  error: string | null;
  steps: Defaulted<number>;
  input_tokens: Defaulted<number>;
  output_tokens: Defaulted<number>;
  cost_usd: Defaulted<number>;
  tool_calls: Json<unknown[]>;
  created_at: Timestamp;
}

export interface Database {
  ai_runs: AiRunsTable;
  daily_figures: DailyFiguresTable;
  daily_figure_days: DailyFigureDaysTable;
  agendas: AgendasTable;
  bookings: BookingsTable;
  message_templates: MessageTemplatesTable;
  event_webhooks: EventWebhooksTable;
  chatwoot_settings: ChatwootSettingsTable;
  chatwoot_links: ChatwootLinksTable;
  chatwoot_messages: ChatwootMessagesTable;
  event_deliveries: EventDeliveriesTable;
  conversation_reads: ConversationReadsTable;
  settings: SettingsTable;
  ai_providers: AiProvidersTable;
  campaigns: CampaignsTable;
  campaign_recipients: CampaignRecipientsTable;
  media_files: MediaFilesTable;
  simulator_sessions: SimulatorSessionsTable;
  users: UsersTable;
  auth_sessions: AuthSessionsTable;
  api_tokens: ApiTokensTable;
  flows: FlowsTable;
  flow_versions: FlowVersionsTable;
  audit_log: AuditLogTable;
  channels: ChannelsTable;
  contacts: ContactsTable;
  contact_fields: ContactFieldsTable;
  conversation_sessions: ConversationSessionsTable;
  messages: MessagesTable;
  outbox: OutboxTable;
  scheduled_jobs: ScheduledJobsTable;
  handoffs: HandoffsTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  canned_replies: CannedRepliesTable;
  agent_presence: AgentPresenceTable;
  handoff_notes: HandoffNotesTable;
  catalogs: CatalogsTable;
  categories: CategoriesTable;
  products: ProductsTable;
  product_variants: ProductVariantsTable;
  product_photos: ProductPhotosTable;
  meta_catalog_links: MetaCatalogLinksTable;
  meta_catalog_items: MetaCatalogItemsTable;
  orders: OrdersTable;
  order_items: OrderItemsTable;
  order_notifications: OrderNotificationsTable;
  pix_qr_images: PixQrImagesTable;
  analytics_events: AnalyticsEventsTable;
}

export type Row<T extends keyof Database> = Selectable<Database[T]>;
export type NewRow<T extends keyof Database> = Insertable<Database[T]>;
export type RowUpdate<T extends keyof Database> = Updateable<Database[T]>;
