/**
 * Built-in template values. Dates print in Brazilian time through Intl so the engine
 * needs no clock of its own: `now` comes from the injected clock.
 */
const dateTime = new Intl.DateTimeFormat('pt-BR', {
  timeZone: 'America/Sao_Paulo', day: '2-digit', month: '2-digit', year: 'numeric',
  hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

function parts(d: Date): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of dateTime.formatToParts(d)) out[p.type] = p.value;
  return out;
}

/** `dd/mm/aaaa` in America/Sao_Paulo. */
export function formatToday(d: Date): string {
  const p = parts(d);
  return `${p.day}/${p.month}/${p.year}`;
}

/** `dd/mm/aaaa hh:mm` in America/Sao_Paulo. */
export function formatNow(d: Date): string {
  const p = parts(d);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}
