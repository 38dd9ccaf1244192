import { catalogApi } from '../../api/catalog.ts';
import { defaultCatalogId } from '../../../shared/api/catalog.ts';
import { useT } from '../../i18n/index.ts';
import { useResource } from '../../ui/use-resource.ts';

/** The catalog the channel's product blocks and agent offer when a block names none ('' : the main one). */
export function ChannelCatalogSelect({ value, onChange }: { value: string; onChange(id: string): void }) {
  const t = useT();
  const catalogs = useResource(() => catalogApi.list(), []);
  const list = catalogs.status === 'ready' ? catalogs.data.catalogs : [];
  return (
    <label className="field">
      <span>{t('catalogs.label')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} disabled={catalogs.status !== 'ready'}>
        <option value="">{t('catalogs.default')}</option>
        {list
          .filter((k) => k.id !== defaultCatalogId)
          .map((k) => (
            <option key={k.id} value={k.id}>
              {k.name}
            </option>
          ))}
        {value && !list.some((k) => k.id === value) ? <option value={value}>{value}</option> : null}
      </select>
      <small className="muted">{t('catalogs.channelHelp')}</small>
    </label>
  );
}
