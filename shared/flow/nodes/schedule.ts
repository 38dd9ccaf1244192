import { z } from 'zod';
import { templateText, timeoutMinutes, variableName } from '../common.ts';

/**
 * Books a slot of an agenda (Agenda page): the contact picks a day (from a list of the next
 * days with free slots, or typed: "amanhã", "sexta", "21/03"), then a free slot. A contact who
 * already holds an upcoming booking there is offered to keep, reschedule or cancel it.
 */
export const scheduleData = z.object({
  /** The agenda (resource) booked; empty until chosen in the inspector. */
  agendaId: z.string().max(100).default(''),
  dayText: templateText
    .min(1)
    .default('Qual dia fica melhor para você? Escolha abaixo ou escreva a data (ex.: 20/03).'),
  slotText: templateText.min(1).default('Horários livres em {{agendamento.data}} ({{agendamento.dia_semana}}):'),
  confirmText: templateText
    .min(1)
    .default('Prontinho! ✅ Agendado para *{{agendamento.data}} às {{agendamento.hora}}*.'),
  /** Sent when the typed or picked day has no free slot, before the days again. */
  unavailableText: templateText.default('Não há horários livres nesse dia 😕 Escolha outro, por favor.'),
  /** Sent when nothing is free in the whole horizon; the block then leaves by `none`. */
  fullText: templateText.default('No momento não há horários livres. Vamos te avisar assim que abrir agenda!'),
  /** Sent when the picked slot is gone (another contact took the last seat) or was not understood. */
  takenText: templateText.min(1).default('Esse horário não está disponível 😕 Escolha um dos horários livres:'),
  manageText: templateText
    .min(1)
    .default('Você já tem um horário em *{{agendamento.data}} às {{agendamento.hora}}*. O que deseja fazer?'),
  cancelledText: templateText.default('Seu horário foi cancelado. ✅'),
  /** How many days are listed at once (a list shows up to 10 rows). */
  daysOffered: z.number().int().min(1).max(9).default(7),
  retries: z.number().int().min(0).max(10).default(2),
  timeoutMinutes,
  /** Stores `{ id, data, hora, dia_semana, inicio }` of the booking here. */
  variable: variableName.default('agendamento'),
});
export type ScheduleData = z.infer<typeof scheduleData>;
