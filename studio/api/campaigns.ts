import type { z } from 'zod';
import type {
  audienceCsvResponse,
  campaignRecipientsResponse,
  campaignResponse,
  campaignsResponse,
  createCampaignRequest,
  updateCampaignRequest,
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
  recipients: (id: string, after = 0) =>
    request<Out<typeof campaignRecipientsResponse>>('GET', `${campaignPath(id)}/recipients?after=${after}&limit=200`),
  readCsv: (csv: string) => request<Out<typeof audienceCsvResponse>>('POST', '/api/campaigns/audience-csv', { csv }),
  exportUrl: (id: string) => `${campaignPath(id)}/recipients.csv`,
};

export type CampaignView = Out<typeof campaignResponse>['campaign'];
export type RecipientView = Out<typeof campaignRecipientsResponse>['recipients'][number];
export type AudienceCsv = Out<typeof audienceCsvResponse>;
