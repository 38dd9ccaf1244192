import type { z } from 'zod';
import type {
  audienceCsvResponse,
  campaignRecipientsResponse,
  campaignResponse,
  campaignsResponse,
  createCampaignRequest,
  updateCampaignRequest,
  RecipientOutcome,
} from '../../shared/api/campaigns.ts';
import { request } from './http.ts';

type In<T extends z.ZodType> = z.input<T>;
type Out<T extends z.ZodType> = z.output<T>;

const campaignPath = (id: string) => `/api/campaigns/${encodeURIComponent(id)}`;

/** The Campanhas page's calls. */
export const campaignsApi = {
  list: (parentId?: string) =>
    request<Out<typeof campaignsResponse>>(
      'GET',
      parentId ? `/api/campaigns?parentId=${encodeURIComponent(parentId)}` : '/api/campaigns',
    ),
  get: (id: string) => request<Out<typeof campaignResponse>>('GET', campaignPath(id)),
  create: (body: In<typeof createCampaignRequest>) =>
    request<Out<typeof campaignResponse>>('POST', '/api/campaigns', body),
  update: (id: string, body: In<typeof updateCampaignRequest>) =>
    request<Out<typeof campaignResponse>>('PATCH', campaignPath(id), body),
  recipients: (id: string, page: { after?: number; limit?: number; outcome?: RecipientOutcome | null } = {}) => {
    const query = new URLSearchParams({ after: String(page.after ?? 0), limit: String(page.limit ?? 200) });
    if (page.outcome) query.set('outcome', page.outcome);
    return request<Out<typeof campaignRecipientsResponse>>('GET', `${campaignPath(id)}/recipients?${query}`);
  },
  readCsv: (csv: string) => request<Out<typeof audienceCsvResponse>>('POST', '/api/campaigns/audience-csv', { csv }),
  exportUrl: (id: string) => `${campaignPath(id)}/recipients.csv`,
};

export type CampaignView = Out<typeof campaignResponse>['campaign'];
export type RecipientView = Out<typeof campaignRecipientsResponse>['recipients'][number];
export type AudienceCsv = Out<typeof audienceCsvResponse>;
