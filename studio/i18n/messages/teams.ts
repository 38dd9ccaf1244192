import type { MessageTable } from './types.ts';

/** Teams, presence, routing and the live inbox (issue 19). */
export const teamsMessages = {
  'role.supervisor': { 'pt-BR': 'Supervisor', en: 'Supervisor' },
  'role.supervisor.help': {
    'pt-BR': 'atende e vê todas as conversas; reatribui e transfere',
    en: 'answers and sees every conversation; reassigns and transfers',
  },
  'handoff.priority': { 'pt-BR': 'Prioridade', en: 'Priority' },
  'handoff.priority.normal': { 'pt-BR': 'Normal', en: 'Normal' },
  'handoff.priority.high': { 'pt-BR': 'Alta', en: 'High' },
  'handoff.priority.urgent': { 'pt-BR': 'Urgente', en: 'Urgent' },
  'presence.label': { 'pt-BR': 'Sua presença', en: 'Your presence' },
  'presence.online': { 'pt-BR': 'Disponível', en: 'Online' },
  'presence.away': { 'pt-BR': 'Ausente', en: 'Away' },
  'presence.offline': { 'pt-BR': 'Offline', en: 'Offline' },
  'presence.capacity': { 'pt-BR': 'Capacidade', en: 'Capacity' },
  'inbox.alert.assigned': { 'pt-BR': 'Novo atendimento para você: {name}', en: 'New conversation for you: {name}' },
  'inbox.alert.message': { 'pt-BR': 'Nova mensagem de {name}', en: 'New message from {name}' },
  'inbox.alert.queued': { 'pt-BR': 'Novo atendimento na fila: {name}', en: 'New conversation in the queue: {name}' },
  'inbox.alert.sla': {
    'pt-BR': 'Prazo de primeira resposta estourado: {name}',
    en: 'First-reply time missed: {name}',
  },
  'inbox.unread': { 'pt-BR': '{count} não lidos', en: '{count} unread' },
  'inbox.unreadOne': { 'pt-BR': 'não lido', en: 'unread' },
  'inbox.sla.left': { 'pt-BR': 'SLA {time}', en: 'SLA {time}' },
  'inbox.sla.late': { 'pt-BR': 'SLA estourado há {time}', en: 'SLA missed {time} ago' },
  'inbox.notifications.enable': { 'pt-BR': 'Ativar notificações', en: 'Enable notifications' },
  'inbox.canned.label': { 'pt-BR': 'Respostas prontas', en: 'Canned replies' },
  'inbox.canned.pick': { 'pt-BR': 'Respostas prontas…', en: 'Canned replies…' },
} as const satisfies MessageTable;
