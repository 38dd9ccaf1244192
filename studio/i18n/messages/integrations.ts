import type { MessageTable } from './types.ts';

/** Texts of Configurações → Integrações: outgoing event webhooks and the Chatwoot bridge. */
export const integrationsMessages = {
  'integrations.webhooks.title': { 'pt-BR': 'Integrações: webhooks de eventos', en: 'Integrations: event webhooks' },
  'integrations.webhooks.help': {
    'pt-BR':
      'O Fluxo avisa seus sistemas (n8n, ERP…) do que acontece, com um POST em JSON assinado (cabeçalho X-Fluxo-Signature-256: HMAC-SHA256 do corpo com o segredo). Falhas são tentadas de novo; os eventos de cada contato chegam em ordem.',
    en: 'Fluxo tells your systems (n8n, an ERP…) what happens with a signed JSON POST (header X-Fluxo-Signature-256: HMAC-SHA256 of the body with the secret). Failures are retried; each contact’s events arrive in order.',
  },
  'integrations.webhooks.new': { 'pt-BR': 'Novo webhook', en: 'New webhook' },
  'integrations.webhooks.empty': { 'pt-BR': 'Nenhum webhook cadastrado.', en: 'No webhook yet.' },
  'integrations.webhooks.url': { 'pt-BR': 'URL', en: 'URL' },
  'integrations.webhooks.description': { 'pt-BR': 'Descrição', en: 'Description' },
  'integrations.webhooks.events': { 'pt-BR': 'Eventos', en: 'Events' },
  'integrations.webhooks.create': { 'pt-BR': 'Criar webhook', en: 'Create webhook' },
  'integrations.webhooks.secretOnce': {
    'pt-BR': 'Guarde o segredo agora: ele não será mostrado de novo.',
    en: 'Keep the secret now: it will not be shown again.',
  },
  'integrations.webhooks.active': { 'pt-BR': 'Ativo', en: 'Active' },
  'integrations.webhooks.paused': { 'pt-BR': 'Pausado', en: 'Paused' },
  'integrations.webhooks.pause': { 'pt-BR': 'Pausar', en: 'Pause' },
  'integrations.webhooks.resume': { 'pt-BR': 'Ativar', en: 'Activate' },
  'integrations.webhooks.counts': {
    'pt-BR': '{pending} na fila · {failed} com falha',
    en: '{pending} queued · {failed} failed',
  },
  'integrations.webhooks.log': { 'pt-BR': 'Entregas', en: 'Deliveries' },
  'integrations.webhooks.hideLog': { 'pt-BR': 'Esconder entregas', en: 'Hide deliveries' },
  'integrations.webhooks.noDeliveries': { 'pt-BR': 'Nenhuma entrega ainda.', en: 'No delivery yet.' },
  'integrations.webhooks.redeliver': { 'pt-BR': 'Reenviar', en: 'Send again' },
  'integrations.webhooks.redelivered': { 'pt-BR': 'Entrega na fila de novo', en: 'Delivery queued again' },
  'integrations.webhooks.deleteTitle': { 'pt-BR': 'Excluir o webhook {url}?', en: 'Delete the webhook {url}?' },
  'integrations.webhooks.deleteText': {
    'pt-BR': 'As entregas que ainda estão na fila não serão enviadas.',
    en: 'Deliveries still queued will not be sent.',
  },
  'integrations.webhooks.deleted': { 'pt-BR': 'Webhook excluído', en: 'Webhook deleted' },
  'integrations.delivery.pending': { 'pt-BR': 'na fila', en: 'queued' },
  'integrations.delivery.delivered': { 'pt-BR': 'entregue', en: 'delivered' },
  'integrations.delivery.failed': { 'pt-BR': 'falhou', en: 'failed' },
  'integrations.delivery.attempts': { 'pt-BR': '{n} tentativa(s)', en: '{n} attempt(s)' },

  'integrations.chatwoot.title': { 'pt-BR': 'Integrações: Chatwoot', en: 'Integrations: Chatwoot' },
  'integrations.chatwoot.help': {
    'pt-BR':
      'Espelha contatos e conversas numa caixa de entrada do tipo API do Chatwoot. Quando o fluxo pede um atendente, a conversa abre no Chatwoot; as respostas dos agentes vão pelo WhatsApp, e resolver a conversa devolve o contato ao fluxo.',
    en: 'Mirrors contacts and conversations into a Chatwoot API inbox. When the flow asks for a person, the conversation opens in Chatwoot; agents’ replies go out on WhatsApp, and resolving the conversation hands the contact back to the flow.',
  },
  'integrations.chatwoot.url': { 'pt-BR': 'URL do Chatwoot', en: 'Chatwoot URL' },
  'integrations.chatwoot.account': { 'pt-BR': 'Id da conta', en: 'Account id' },
  'integrations.chatwoot.inbox': { 'pt-BR': 'Id da caixa de entrada (API)', en: 'Inbox id (API)' },
  'integrations.chatwoot.token': { 'pt-BR': 'Token de acesso (administrador)', en: 'Access token (administrator)' },
  'integrations.chatwoot.tokenSaved': {
    'pt-BR': 'Salvo. Deixe em branco para manter.',
    en: 'Saved. Leave empty to keep it.',
  },
  'integrations.chatwoot.secret': {
    'pt-BR': 'Segredo do webhook (opcional, Chatwoot 4.13+)',
    en: 'Webhook secret (optional, Chatwoot 4.13+)',
  },
  'integrations.chatwoot.enabled': { 'pt-BR': 'Ponte ativa', en: 'Bridge active' },
  'integrations.chatwoot.webhookUrl': {
    'pt-BR': 'Cole esta URL no campo “Webhook URL” da caixa de entrada no Chatwoot:',
    en: 'Paste this URL into the inbox’s “Webhook URL” in Chatwoot:',
  },
  'integrations.chatwoot.saved': { 'pt-BR': 'Chatwoot salvo', en: 'Chatwoot saved' },
} satisfies MessageTable;
