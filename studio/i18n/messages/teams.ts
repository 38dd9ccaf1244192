import type { MessageTable } from './types.ts';

/** Teams, presence, routing and the live inbox (issue 19). */
export const teamsMessages = {
  'role.supervisor': { 'pt-BR': 'Supervisor', en: 'Supervisor' },
  'role.supervisor.help': {
    'pt-BR': 'atende e vê todas as conversas; reatribui e transfere',
    en: 'answers and sees every conversation; reassigns and transfers',
  },
} as const satisfies MessageTable;
