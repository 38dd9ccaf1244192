import type { OrderStatus } from '../../../shared/orders/statuses.ts';
import { useT } from '../../i18n/index.ts';

export function StatusPill({ status }: { status: OrderStatus }) {
  const t = useT();
  const tone = status === 'cancelled' ? ' danger' : status === 'delivered' ? ' success' : '';
  return <span className={`pill order-status-${status}${tone}`}>{t(`orders.status.${status}`)}</span>;
}
