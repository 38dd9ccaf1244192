import type { z } from 'zod';
import type {
  createdToken,
  createTokenRequest,
  meResponse,
  tokensResponse,
  userResponse,
  usersResponse,
  createUserRequest,
  updateUserRequest,
} from '../../shared/api/auth.ts';
import type {
  catalogsResponse,
  catalogResponse,
  categoryResponse,
  createCategoryRequest,
  createProductRequest,
  productResponse,
  updateCategoryRequest,
  updateProductRequest,
} from '../../shared/api/catalog.ts';
import type { analyticsResponse } from '../../shared/api/analytics.ts';
import type { aiRunsResponse } from '../../shared/api/ai-runs.ts';
import type {
  channelResponse,
  channelsResponse,
  channelTestResponse,
  createChannelRequest,
  updateChannelRequest,
} from '../../shared/api/channels.ts';
import type {
  agentMessageRequest,
  assignHandoffRequest,
  handoffDetailResponse,
  handoffsResponse,
  handoffStatuses,
} from '../../shared/api/handoffs.ts';
import type {
  createFlowRequest,
  flowEnvironmentResponse,
  flowResponse,
  flowsResponse,
  importRequest,
  templatesResponse,
  versionDetailResponse,
  versionResponse,
  versionsResponse,
} from '../../shared/api/flows.ts';
import type { simulateRequest, simulateResponse } from '../../shared/api/simulate.ts';
import type {
  conversationDetailResponse,
  conversationsQuery,
  conversationsResponse,
} from '../../shared/api/conversations.ts';
import type {
  aiProviderChoicesResponse,
  aiProviderResponse,
  aiProviderTestResponse,
  createAiProviderRequest,
  settingsResponse,
  updateAiProviderRequest,
  updateSettingsRequest,
} from '../../shared/api/settings.ts';
import type { FlowDocument, FlowDocumentInput } from '../../shared/flow/schema.ts';
import type { Problem } from '../../shared/flow/validate/index.ts';
import { request } from './http.ts';

/**
 * One function per API route, typed from the shared zod schemas. Requests use the
 * schemas' input types (defaults optional), answers their output types. Answers are
 * trusted, not re-parsed: the server already validated them against the same schemas.
 */
type In<T extends z.ZodType> = z.input<T>;
type Out<T extends z.ZodType> = z.output<T>;

const enc = encodeURIComponent;
const flowPath = (id: string) => `/api/flows/${enc(id)}`;
const handoffPath = (id: string) => `/api/handoffs/${enc(id)}`;
const conversationPath = (id: string) => `/api/conversations/${enc(id)}`;
/** Query string of the set fields, e.g. `?status=bot&q=ana`; empty when none is. */
const queryOf = (params: Record<string, string | number | undefined>) => {
  const set = Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '');
  return set.length ? `?${new URLSearchParams(set.map(([k, v]) => [k, String(v)])).toString()}` : '';
};

export const api = {
  login: (body: { email: string; password: string }) =>
    request<Out<typeof userResponse>>('POST', '/api/auth/login', body, { quiet401: true }),
  logout: () => request<unknown>('POST', '/api/auth/logout', {}, { quiet401: true }),
  me: () => request<Out<typeof meResponse>>('GET', '/api/auth/me', undefined, { quiet401: true }),

  listFlows: () => request<Out<typeof flowsResponse>>('GET', '/api/flows'),
  createFlow: (body: In<typeof createFlowRequest>) => request<Out<typeof flowResponse>>('POST', '/api/flows', body),
  getFlow: (id: string) => request<Out<typeof flowResponse>>('GET', flowPath(id)),
  saveDraft: (id: string, draft: FlowDocument, revision: number) =>
    request<Out<typeof flowResponse>>('PUT', flowPath(id), { draft, revision }),
  deleteFlow: (id: string) => request<unknown>('DELETE', flowPath(id)),
  validateFlow: (id: string) => request<{ ok: boolean; problems: Problem[] }>('POST', `${flowPath(id)}/validate`, {}),
  publishFlow: (id: string, note: string) =>
    request<Out<typeof versionResponse>>('POST', `${flowPath(id)}/publish`, { note }),
  listVersions: (id: string) => request<Out<typeof versionsResponse>>('GET', `${flowPath(id)}/versions`),
  republishVersion: (id: string, version: number) =>
    request<Out<typeof versionResponse>>('POST', `${flowPath(id)}/versions/${version}/publish`, {}),
  getVersion: (id: string, version: number) =>
    request<Out<typeof versionDetailResponse>>('GET', `${flowPath(id)}/versions/${version}`),
  /** Copies the version into the draft; `revision` is the draft's, as when saving (409 when stale). */
  restoreVersion: (id: string, version: number, revision: number) =>
    request<Out<typeof flowResponse>>('POST', `${flowPath(id)}/versions/${version}/restore`, { revision }),
  importFlow: (body: In<typeof importRequest> | FlowDocumentInput) =>
    request<Out<typeof flowResponse>>('POST', '/api/flows/import', body),
  exportFlow: (id: string) => request<FlowDocument>('GET', `${flowPath(id)}/export`),
  simulate: (id: string, body: In<typeof simulateRequest>) =>
    request<Out<typeof simulateResponse>>('POST', `${flowPath(id)}/simulate`, body),
  /** `days` null: all time. */
  flowAnalytics: (id: string, days: number | null) =>
    request<Out<typeof analyticsResponse>>('GET', `${flowPath(id)}/analytics${days === null ? '' : `?days=${days}`}`),
  listTemplates: () => request<Out<typeof templatesResponse>>('GET', '/api/templates'),
  /** What the catalog offers and whether AI is configured, for the editor's validation. */
  flowEnvironment: (flowId?: string) =>
    request<Out<typeof flowEnvironmentResponse>>(
      'GET',
      `/api/flow-environment${flowId ? `?flowId=${enc(flowId)}` : ''}`,
    ),

  listChannels: () => request<Out<typeof channelsResponse>>('GET', '/api/channels'),
  createChannel: (body: In<typeof createChannelRequest>) =>
    request<Out<typeof channelResponse>>('POST', '/api/channels', body),
  updateChannel: (id: string, body: In<typeof updateChannelRequest>) =>
    request<Out<typeof channelResponse>>('PUT', `/api/channels/${enc(id)}`, body),
  deleteChannel: (id: string) => request<unknown>('DELETE', `/api/channels/${enc(id)}`),
  testChannel: (id: string) => request<Out<typeof channelTestResponse>>('POST', `/api/channels/${enc(id)}/test`, {}),

  getCatalog: () => request<Out<typeof catalogResponse>>('GET', '/api/products'),
  listCatalogs: () => request<Out<typeof catalogsResponse>>('GET', '/api/catalogs'),
  createProduct: (body: In<typeof createProductRequest>) =>
    request<Out<typeof productResponse>>('POST', '/api/products', body),
  updateProduct: (id: string, body: In<typeof updateProductRequest>) =>
    request<Out<typeof productResponse>>('PUT', `/api/products/${enc(id)}`, body),
  deleteProduct: (id: string) => request<unknown>('DELETE', `/api/products/${enc(id)}`),
  createCategory: (body: In<typeof createCategoryRequest>) =>
    request<Out<typeof categoryResponse>>('POST', '/api/categories', body),
  updateCategory: (id: string, body: In<typeof updateCategoryRequest>) =>
    request<Out<typeof categoryResponse>>('PUT', `/api/categories/${enc(id)}`, body),
  deleteCategory: (id: string) => request<unknown>('DELETE', `/api/categories/${enc(id)}`),

  /** Open and claimed handoffs, oldest first; or only those with `status`. */
  listConversations: (query: Omit<In<typeof conversationsQuery>, 'limit'> & { limit?: number }) =>
    request<Out<typeof conversationsResponse>>('GET', `/api/conversations${queryOf(query)}`),
  getConversation: (id: string) => request<Out<typeof conversationDetailResponse>>('GET', conversationPath(id)),
  conversationAiRuns: (id: string) => request<Out<typeof aiRunsResponse>>('GET', `${conversationPath(id)}/ai-runs`),
  markConversationRead: (id: string) => request<{ unread: 0 }>('POST', `${conversationPath(id)}/read`, {}),
  /** A handoff assigned to the caller; the flow pauses until it is resolved in the inbox. */
  takeOverConversation: (id: string) => request<{ handoffId: string }>('POST', `${conversationPath(id)}/takeover`, {}),
  resetConversation: (id: string) => request<{ ended: number }>('POST', `${conversationPath(id)}/reset`, {}),

  listHandoffs: (status?: HandoffStatus) =>
    request<Out<typeof handoffsResponse>>('GET', status ? `/api/handoffs?status=${status}` : '/api/handoffs'),
  getHandoff: (id: string) => request<Out<typeof handoffDetailResponse>>('GET', handoffPath(id)),
  /** 409 `already_claimed` when someone else holds it (an admin reassigns instead). */
  claimHandoff: (id: string) => request<{ handoff: Handoff }>('POST', `${handoffPath(id)}/claim`, {}),
  /** 409 when the handoff is resolved or the contact's 24-hour window has closed. */
  replyToHandoff: (id: string, body: In<typeof agentMessageRequest>) =>
    request<{ messageId: string }>('POST', `${handoffPath(id)}/messages`, body),
  resolveHandoff: (id: string) => request<{ handoff: Handoff }>('POST', `${handoffPath(id)}/resolve`, {}),
  /** Admins: give the conversation to someone, or back to the queue with null. */
  assignHandoff: (id: string, userId: string | null) =>
    request<{ handoff: Handoff }>('POST', `${handoffPath(id)}/assign`, { userId } satisfies In<
      typeof assignHandoffRequest
    >),

  listUsers: () => request<Out<typeof usersResponse>>('GET', '/api/users'),
  createUser: (body: In<typeof createUserRequest>) => request<Out<typeof userResponse>>('POST', '/api/users', body),
  updateUser: (id: string, body: In<typeof updateUserRequest>) =>
    request<Out<typeof userResponse>>('PUT', `/api/users/${enc(id)}`, body),
  deleteUser: (id: string) => request<unknown>('DELETE', `/api/users/${enc(id)}`),

  listTokens: () => request<Out<typeof tokensResponse>>('GET', '/api/tokens'),
  createToken: (body: In<typeof createTokenRequest>) => request<Out<typeof createdToken>>('POST', '/api/tokens', body),
  revokeToken: (id: string) => request<unknown>('DELETE', `/api/tokens/${enc(id)}`),

  getSettings: () => request<Out<typeof settingsResponse>>('GET', '/api/settings'),
  updateSettings: (body: In<typeof updateSettingsRequest>) =>
    request<Out<typeof settingsResponse>>('PATCH', '/api/settings', body),
  createAiProvider: (body: In<typeof createAiProviderRequest>) =>
    request<Out<typeof aiProviderResponse>>('POST', '/api/settings/ai-providers', body),
  updateAiProvider: (id: string, body: In<typeof updateAiProviderRequest>) =>
    request<Out<typeof aiProviderResponse>>('PATCH', `/api/settings/ai-providers/${enc(id)}`, body),
  deleteAiProvider: (id: string) => request<unknown>('DELETE', `/api/settings/ai-providers/${enc(id)}`),
  /** Provider names and models for the AI blocks' inspectors (editors may read it). */
  aiProviderChoices: () => request<Out<typeof aiProviderChoicesResponse>>('GET', '/api/ai-providers'),
  testAiProvider: (id: string) =>
    request<Out<typeof aiProviderTestResponse>>('POST', `/api/settings/ai-providers/${enc(id)}/test`, {}),
};

export type FlowSummary = Out<typeof flowsResponse>['flows'][number];
export type FlowDetail = Out<typeof flowResponse>['flow'];
export type FlowVersion = Out<typeof versionResponse>['version'];
export type TemplateSummary = Out<typeof templatesResponse>['templates'][number];
export type SimulateResult = Out<typeof simulateResponse>;
export type Channel = Out<typeof channelResponse>['channel'];
export type Catalog = Out<typeof catalogResponse>;
export type Handoff = Out<typeof handoffsResponse>['handoffs'][number];
export type HandoffStatus = (typeof handoffStatuses)[number];
export type InboxMessage = Out<typeof handoffDetailResponse>['messages'][number];
export type ConversationSummary = Out<typeof conversationsResponse>['conversations'][number];
export type ConversationDetail = Out<typeof conversationDetailResponse>;
export type ConversationMessage = ConversationDetail['messages'][number];
export type ManagedUser = Out<typeof usersResponse>['users'][number];
export type ApiTokenView = Out<typeof tokensResponse>['tokens'][number];
export type SettingsView = Out<typeof settingsResponse>['settings'];
export type AiProviderView = SettingsView['aiProviders'][number];
export type AiProviderTest = Out<typeof aiProviderTestResponse>;
export type { Problem };
export { ApiError } from './http.ts';
