/** A custom field's value as text: strings as they are, numbers and yes/no as typed. */
export function fieldText(value: string | number | boolean | null): string {
  return value === null ? '' : String(value);
}

/** A date and time in the reader's locale, or null when there is none. */
export function whenText(iso: string | null): string | null {
  return iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' }) : null;
}
