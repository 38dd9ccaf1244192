/**
 * Built-in template values. Dates print in the installation's time zone (São Paulo unless the
 * settings say otherwise) through Intl so the engine needs no clock of its own: `now` comes
 * from the injected clock.
 */
const defaultZone = 'America/Sao_Paulo';
// Building a formatter is slow; an installation uses one zone (two while it changes).
const formats = new Map<string, Intl.DateTimeFormat>();

function parts(d: Date, timeZone: string): Record<string, string> {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('pt-BR', {
      timeZone,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timeZone, format);
  }
  const out: Record<string, string> = {};
  for (const p of format.formatToParts(d)) out[p.type] = p.value;
  return out;
}

/** `dd/mm/aaaa` in `timeZone`. */
export function formatToday(d: Date, timeZone = defaultZone): string {
  const p = parts(d, timeZone);
  return `${p.day}/${p.month}/${p.year}`;
}

/** `dd/mm/aaaa hh:mm` in `timeZone`. */
export function formatNow(d: Date, timeZone = defaultZone): string {
  const p = parts(d, timeZone);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}
