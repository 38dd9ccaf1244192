import { useState } from 'react';
import { orderStatuses } from '../../../shared/orders/statuses.ts';
import type { OrderView } from '../../api/orders.ts';
import { useT } from '../../i18n/index.ts';

export interface FilterForm {
  status: string;
  channelId: string;
  from: string;
  to: string;
  q: string;
}

/**
 * Status, channel, period and customer. Channels are the ones orders came through (agents may
 * not list the channels themselves), remembered so that filtering by one keeps the others offered.
 */
export function OrderFilters({
  value,
  onChange,
  orders,
}: {
  value: FilterForm;
  onChange(next: FilterForm): void;
  orders: OrderView[];
}) {
  const t = useT();
  const [channels, setChannels] = useState<Map<string, string>>(new Map());
  const unseen = orders.filter((o) => o.channelId && !channels.has(o.channelId));
  if (unseen.length) {
    const next = new Map(channels);
    for (const o of unseen) if (o.channelId) next.set(o.channelId, o.channelName ?? o.channelId);
    setChannels(next);
  }
  const set = (field: keyof FilterForm) => (e: { target: { value: string } }) =>
    onChange({ ...value, [field]: e.target.value });
  return (
    <form className="orders-filters" role="search" onSubmit={(e) => e.preventDefault()}>
      <label className="field">
        <span>{t('orders.filter.status')}</span>
        <select value={value.status} onChange={set('status')}>
          <option value="">{t('orders.filter.all')}</option>
          {orderStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`orders.status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('orders.filter.channel')}</span>
        <select value={value.channelId} onChange={set('channelId')}>
          <option value="">{t('orders.filter.all')}</option>
          {[...channels].map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('orders.filter.from')}</span>
        <input type="date" value={value.from} onChange={set('from')} />
      </label>
      <label className="field">
        <span>{t('orders.filter.to')}</span>
        <input type="date" value={value.to} onChange={set('to')} />
      </label>
      <label className="field orders-search">
        <span>{t('orders.filter.search')}</span>
        <input type="search" maxLength={100} value={value.q} onChange={set('q')} />
      </label>
    </form>
  );
}
