/** What the SLA timer shows: time left (or past) before the first human reply is due. */
export function slaState(
  slaDueAt: string | null,
  now: Date,
): { late: boolean; minutes: number; seconds: number } | null {
  if (slaDueAt === null) return null;
  const ms = new Date(slaDueAt).getTime() - now.getTime();
  const abs = Math.floor(Math.abs(ms) / 1000);
  return { late: ms < 0, minutes: Math.floor(abs / 60), seconds: abs % 60 };
}

export const twoDigits = (n: number) => String(n).padStart(2, '0');
