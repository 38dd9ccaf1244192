import type { PaymentsPort, PixSetup } from '../../runtime/ports.ts';
import { pixSettings } from '../../shared/api/settings.ts';
import { normalizePixKey } from '../../shared/pix/pix-key.ts';
import type { Executor } from '../db/database.ts';
import { pixQrUrl } from './pix-qr.ts';

/**
 * Pix as the payment block sees it: the settings' key, name and city, and the Payments API
 * configuration of the contact's channel. Read on every charge, so a key saved in
 * Configurações is used at once.
 */
export function createPaymentsPort(db: Executor, options: { publicUrl?: string | null }): PaymentsPort {
  return {
    async pix(channelId) {
      const row = await db.selectFrom('settings').select('value').where('key', '=', 'pix').executeTakeFirst();
      const parsed = pixSettings.nullable().safeParse(row?.value ?? null);
      const key = parsed.success && parsed.data ? normalizePixKey(parsed.data.key) : null;
      if (!parsed.success || !parsed.data || !key) return null;
      const channel = channelId
        ? await db.selectFrom('channels').select('payment_configuration').where('id', '=', channelId).executeTakeFirst()
        : undefined;
      const setup: PixSetup = {
        key,
        merchantName: parsed.data.merchantName,
        merchantCity: parsed.data.merchantCity,
        expiryMinutes: parsed.data.expiryMinutes,
        paymentConfiguration: channel?.payment_configuration ?? null,
        qrImageUrl: (reference) => pixQrUrl(options.publicUrl ?? null, reference),
      };
      return setup;
    },
  };
}
