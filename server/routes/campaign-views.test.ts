import { describe, expect, it } from 'vitest';
import type { CampaignTotals } from '../../shared/api/campaigns.ts';
import { emptyTotals } from '../db/queries/campaign-recipients.ts';
import { campaignStatus } from './campaign-views.ts';

const totals = (t: Partial<CampaignTotals>): CampaignTotals => ({ ...emptyTotals(), ...t });

describe('campaignStatus', () => {
  it.each<[string, 'scheduled' | 'running', Partial<CampaignTotals>, string]>([
    ['not yet sent', 'scheduled', {}, 'scheduled'],
    ['sends waiting for Meta', 'running', { queued: 1, delivered: 3 }, 'running'],
    ['accepted but not delivered yet', 'running', { sent: 1, failed: 2 }, 'running'],
    ['every send failed', 'running', { failed: 2, skipped: 1 }, 'failed'],
    ['some failed, some reached', 'running', { failed: 1, delivered: 1 }, 'done'],
    ['read and replied', 'running', { read: 1, replied: 1 }, 'done'],
    ['everyone skipped (no failure)', 'running', { skipped: 2 }, 'done'],
  ])('%s', (_, stored, t, expected) => {
    expect(campaignStatus(stored, totals(t))).toBe(expected);
  });
});
