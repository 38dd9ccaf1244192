/** Each value seen more than once, listed once, in order of its second appearance. */
export function duplicatesOf(values: Iterable<string>): string[] {
  const seen = new Set<string>();
  const reported = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) reported.add(value);
    else seen.add(value);
  }
  return [...reported];
}
