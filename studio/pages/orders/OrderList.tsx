import type { OrderView } from '../../api/orders.ts';
import { useLocaleStore, useT } from '../../i18n/index.ts';
import { formatReais } from '../../ui/money.ts';
import { StatusPill } from './StatusPill.tsx';

/** A table on wide screens; on a phone each row stacks into a card (orders.css). */
export function OrderList({ orders, onOpen }: { orders: OrderView[]; onOpen(id: string): void }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <table className="table orders-table" data-testid="orders-list">
      <thead>
        <tr>
          <th scope="col">{t('orders.col.number')}</th>
          <th scope="col">{t('orders.col.date')}</th>
          <th scope="col">{t('orders.col.customer')}</th>
          <th scope="col">{t('orders.col.status')}</th>
          <th scope="col">{t('orders.col.channel')}</th>
          <th scope="col" className="num">
            {t('orders.col.total')}
          </th>
        </tr>
      </thead>
      <tbody>
        {orders.map((o) => (
          <tr key={o.id} data-testid={`order-${o.number}`}>
            <td>
              <button
                type="button"
                className="link-button"
                aria-label={t('orders.open', { number: o.number })}
                onClick={() => onOpen(o.id)}
              >
                #{o.number}
              </button>
            </td>
            <td className="muted small">{date.format(new Date(o.createdAt))}</td>
            <td>
              <strong>{o.contactName ?? t('orders.noCustomer')}</strong>
              {o.address ? <div className="muted small orders-address">{o.address}</div> : null}
            </td>
            <td>
              <StatusPill status={o.status} />
            </td>
            <td className="muted small">{o.channelName ?? t('orders.none')}</td>
            <td className="num">
              <strong>{formatReais(o.totalCents)}</strong>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
