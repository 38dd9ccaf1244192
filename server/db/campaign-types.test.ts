import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  campaign,
  createCampaignRequest,
  skipReason,
  type CampaignStatus,
  type ContactsInFlow,
  type SkipReason,
  type StoredCampaignStatus,
} from '../../shared/api/campaigns.ts';
import type { Row } from './tables.ts';

/**
 * The campaign tables take their value sets from shared/api/campaigns.ts: a value added to the
 * API (a new skip reason, say) is a value the database type accepts, with no second list to edit.
 * The type assertions fail `npm run typecheck`; the value assertions fail here.
 */
describe('campaign types come from the API schema', () => {
  it("tables use the API's value sets", () => {
    expectTypeOf<Row<'campaigns'>['contacts_in_flow']>().toEqualTypeOf<ContactsInFlow>();
    expectTypeOf<Row<'campaigns'>['status']>().toEqualTypeOf<StoredCampaignStatus>();
    expectTypeOf<Row<'campaign_recipients'>['skip_reason']>().toEqualTypeOf<SkipReason | null>();
    expectTypeOf<StoredCampaignStatus>().toExtend<CampaignStatus>();
    expect(skipReason.options).toEqual(['in_handoff', 'in_flow', 'duplicate', 'opted_out', 'cancelled']);
    expect(campaign.shape.status.options).toEqual(['scheduled', 'running', 'paused', 'cancelled', 'done', 'failed']);
    expect(createCampaignRequest.shape.contactsInFlow.parse(undefined)).toBe('skip');
  });
});
