import { settingsValues, type SettingsValues } from '../../shared/api/settings.ts';
import type { Executor } from '../db/database.ts';
import { readSettingRows } from '../db/queries/settings.ts';

const fields = settingsValues.shape;

/**
 * The stored settings with their defaults. Each key is parsed on its own: a value an older or
 * newer version stored in another shape falls back to its default instead of hiding the rest.
 */
export async function loadSettings(db: Executor): Promise<SettingsValues> {
  const stored = await readSettingRows(db);
  const entries = (Object.keys(fields) as (keyof SettingsValues)[]).map((key) => {
    const parsed = fields[key].safeParse(stored[key]);
    return [key, parsed.success ? parsed.data : fields[key].parse(undefined)];
  });
  return Object.fromEntries(entries) as SettingsValues;
}
