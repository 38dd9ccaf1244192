import type { MessageTable } from './types.ts';

/** Texts of the scheduling block and the Agenda page. */
export const agendaMessages = {
  'editor.node.schedule': { 'pt-BR': 'Agendamento', en: 'Scheduling' },
  'editor.hint.schedule': {
    'pt-BR': 'Dia → horário livre, sem reserva dupla',
    en: 'Day → free slot, never booked twice',
  },
  'editor.output.booked': { 'pt-BR': 'Agendado', en: 'Booked' },
  'editor.output.none': { 'pt-BR': 'Sem horário', en: 'No slot' },
  'agenda.node.agenda': { 'pt-BR': 'Agenda', en: 'Agenda' },
  'agenda.node.agendaHint': {
    'pt-BR': 'Crie agendas (corretor, sala, imóvel) na página Agenda.',
    en: 'Create agendas (a broker, a room, a property) on the Agenda page.',
  },
  'agenda.node.pick': { 'pt-BR': '— escolha uma agenda —', en: '— pick an agenda —' },
  'agenda.node.agendaSet': { 'pt-BR': 'Agenda escolhida', en: 'Agenda chosen' },
  'agenda.node.noAgenda': { 'pt-BR': 'Sem agenda', en: 'No agenda' },
  'agenda.field.dayText': { 'pt-BR': 'Pergunta do dia', en: 'Day question' },
  'agenda.field.slotText': { 'pt-BR': 'Texto dos horários', en: 'Slots text' },
  'agenda.field.confirmText': { 'pt-BR': 'Confirmação', en: 'Confirmation' },
  'agenda.field.unavailableText': { 'pt-BR': 'Dia sem horários', en: 'Day without slots' },
  'agenda.field.takenText': { 'pt-BR': 'Horário indisponível', en: 'Slot unavailable' },
  'agenda.field.fullText': { 'pt-BR': 'Agenda lotada', en: 'Agenda full' },
  'agenda.field.manageText': {
    'pt-BR': 'Já tem horário (manter/remarcar/cancelar)',
    en: 'Already booked (keep/reschedule/cancel)',
  },
  'agenda.field.cancelledText': { 'pt-BR': 'Cancelamento', en: 'Cancellation' },
  'agenda.field.daysOffered': { 'pt-BR': 'Dias oferecidos na lista', en: 'Days offered in the list' },
} satisfies MessageTable;
