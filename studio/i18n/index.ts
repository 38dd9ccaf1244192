import { useCallback } from 'react';
import { type Locale, useLocaleStore } from './locale-store.ts';
import { appMessages } from './messages/app.ts';
import { contactsMessages } from './messages/contacts.ts';
import { editorMessages } from './messages/editor.ts';
import { ordersMessages } from './messages/orders.ts';
import { conversationMessages } from './messages/conversations.ts';
import { settingsMessages } from './messages/settings.ts';
import { dashboardMessages } from './messages/dashboard.ts';
import { phoneMessages } from './messages/phone.ts';
import { templatesMessages } from './messages/templates.ts';
import { templateCreateMessages } from './messages/template-create.ts';
import { campaignsMessages } from './messages/campaigns.ts';
import { integrationsMessages } from './messages/integrations.ts';
import { agendaMessages } from './messages/agenda.ts';
import { paymentMessages } from './messages/payments.ts';
import { teamsMessages } from './messages/teams.ts';
import { teamWorkMessages } from './messages/team-work.ts';
import { inboxMediaMessages } from './messages/inbox-media.ts';
import { agentMessages } from './messages/agent.ts';
import { commerceMessages } from './messages/commerce.ts';
import { pacingMessages } from './messages/pacing.ts';
import { intentMessages } from './messages/intent.ts';
import { catalogsMessages } from './messages/catalogs.ts';
import { metaCatalogMessages } from './messages/meta-catalog.ts';

/**
 * Every studio text, keyed by a stable id. Each area keeps its own table
 * (`messages/<area>.ts`: `{ key: { 'pt-BR': '…', en: '…' } }`) so teams don't collide.
 */
const messages = {
  ...appMessages,
  ...editorMessages,
  ...ordersMessages,
  ...conversationMessages,
  ...contactsMessages,
  ...settingsMessages,
  ...dashboardMessages,
  ...phoneMessages,
  ...templatesMessages,
  ...templateCreateMessages,
  ...campaignsMessages,
  ...integrationsMessages,
  ...agendaMessages,
  ...paymentMessages,
  ...teamsMessages,
  ...teamWorkMessages,
  ...agentMessages,
  ...commerceMessages,
  ...pacingMessages,
  ...intentMessages,
  ...catalogsMessages,
  ...metaCatalogMessages,
  ...inboxMediaMessages,
} as const;
export type MessageKey = keyof typeof messages;
export type MessageParams = Record<string, string | number>;

export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const text: string = messages[key][locale];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** `const t = useT(); t('flows.title')` — re-renders when the locale changes. */
export function useT() {
  const locale = useLocaleStore((s) => s.locale);
  return useCallback((key: MessageKey, params?: MessageParams) => translate(locale, key, params), [locale]);
}

export { type Locale, locales, useLocaleStore } from './locale-store.ts';
