import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_create_core_tables.ts';
import * as m0002 from './0002_create_messaging_tables.ts';
import * as m0003 from './0003_create_commerce_tables.ts';
import * as m0004 from './0004_add_processing_leases.ts';
import * as m0005 from './0005_create_simulator_sessions.ts';
import * as m0006 from './0006_create_media_files.ts';
import * as m0007 from './0007_create_campaigns.ts';
import * as m0008 from './0008_index_inbound_media.ts';
import * as m0009 from './0009_split_outbox_queues.ts';
import * as m0010 from './0010_create_campaign_recipients.ts';
import * as m0011 from './0011_add_channel_checks.ts';
import * as m0012 from './0012_bind_tokens_to_users.ts';
import * as m0013 from './0013_name_send_lock_holders.ts';
import * as m0014 from './0014_create_conversation_reads.ts';
import * as m0015 from './0015_add_contact_profile.ts';
import * as m0016 from './0016_add_order_delivery_and_notifications.ts';
import * as m0017 from './0017_index_dashboard_periods.ts';
import * as m0018 from './0018_create_settings.ts';
import * as m0019 from './0019_create_daily_figures.ts';
import * as m0020 from './0020_create_message_templates.ts';
import * as m0021 from './0021_add_campaign_schedules.ts';
import * as m0022 from './0022_create_teams.ts';
import * as m0023 from './0023_create_event_webhooks.ts';
import * as m0024 from './0024_create_chatwoot_bridge.ts';
import * as m0025 from './0025_create_ai_runs.ts';
import * as m0026 from './0026_create_catalogs_and_stock.ts';
import * as m0027 from './0027_create_agendas.ts';
import * as m0029 from './0029_add_pacing_columns.ts';
import * as m0030 from './0030_add_uploaded_media.ts';
import * as m0032 from './0032_add_ai_provider_media.ts';
import * as m0034 from './0034_add_pix_payments.ts';
import * as m0035 from './0035_add_variant_sku.ts';
import * as m0036 from './0036_add_paid_order_notice.ts';
import * as m0037 from './0037_create_meta_catalog_links.ts';
import * as m0039 from './0039_add_contact_handled_up_to.ts';
import * as m0040 from './0040_mark_outbound_processed.ts';
import * as m0041 from './0041_tune_message_writes.ts';

/** Every migration, in order. Listed by hand so bundlers and tsx need no directory scan. */
export const migrations: Record<string, Migration> = {
  '0001_create_core_tables': m0001,
  '0002_create_messaging_tables': m0002,
  '0003_create_commerce_tables': m0003,
  '0004_add_processing_leases': m0004,
  '0005_create_simulator_sessions': m0005,
  '0006_create_media_files': m0006,
  '0007_create_campaigns': m0007,
  '0008_index_inbound_media': m0008,
  '0009_split_outbox_queues': m0009,
  '0010_create_campaign_recipients': m0010,
  '0011_add_channel_checks': m0011,
  '0012_bind_tokens_to_users': m0012,
  '0013_name_send_lock_holders': m0013,
  '0014_create_conversation_reads': m0014,
  '0015_add_contact_profile': m0015,
  '0016_add_order_delivery_and_notifications': m0016,
  '0017_index_dashboard_periods': m0017,
  '0018_create_settings': m0018,
  '0019_create_daily_figures': m0019,
  '0020_create_message_templates': m0020,
  '0021_add_campaign_schedules': m0021,
  '0022_create_teams': m0022,
  '0023_create_event_webhooks': m0023,
  '0024_create_chatwoot_bridge': m0024,
  '0025_create_ai_runs': m0025,
  '0026_create_catalogs_and_stock': m0026,
  '0027_create_agendas': m0027,
  '0029_add_pacing_columns': m0029,
  '0030_add_uploaded_media': m0030,
  '0032_add_ai_provider_media': m0032,
  '0034_add_pix_payments': m0034,
  '0035_add_variant_sku': m0035,
  '0036_add_paid_order_notice': m0036,
  '0037_create_meta_catalog_links': m0037,
  '0039_add_contact_handled_up_to': m0039,
  '0040_mark_outbound_processed': m0040,
  '0041_tune_message_writes': m0041,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
