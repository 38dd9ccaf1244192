import { useState } from 'react';
import { useSession } from '../api/session.ts';
import { ordersApi, type OrderQuery } from '../api/orders.ts';
import { useT } from '../i18n/index.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { errorText } from '../ui/error-text.ts';
import { EmptyState, ErrorBanner, Loading } from '../ui/states.tsx';
import { useResource } from '../ui/use-resource.ts';
import { NotificationSettings } from './orders/NotificationSettings.tsx';
import { OrderDetail } from './orders/OrderDetail.tsx';
import { OrderFilters, type FilterForm } from './orders/OrderFilters.tsx';
import { OrderList } from './orders/OrderList.tsx';
import './orders/orders.css';

/** The filter form as the API reads it: the chosen days become the local day's first and last instants. */
function toQuery(f: FilterForm): OrderQuery {
  const instant = (day: string, time: string) => (day ? new Date(`${day}T${time}`).toISOString() : undefined);
  return {
    status: f.status,
    channelId: f.channelId,
    q: f.q.trim(),
    from: instant(f.from, '00:00:00'),
    to: instant(f.to, '23:59:59.999'),
  };
}

/** Pedidos: the orders the flows took, their details and status, and the messages each status sends. */
export function OrdersPage() {
  const t = useT();
  const role = useSession((s) => s.session.user?.role);
  const [form, setForm] = useState<FilterForm>({ status: '', channelId: '', from: '', to: '', q: '' });
  const query = toQuery(form);
  const key = JSON.stringify(query);
  const orders = useResource(() => ordersApi.list(query).then((r) => r.orders), [key]);
  const [openId, setOpenId] = useState<string | null>(null);
  const [settings, setSettings] = useState(false);

  return (
    <section className="page orders-page">
      <PageHeader
        title={t('orders.title')}
        subtitle={t('orders.subtitle')}
        actions={
          <>
            {role === 'admin' ? (
              <button type="button" className="button" onClick={() => setSettings(true)}>
                {t('orders.messages')}
              </button>
            ) : null}
            <a className="button" href={ordersApi.exportUrl(query)} download>
              {t('orders.export')}
            </a>
          </>
        }
      />
      <OrderFilters value={form} onChange={setForm} orders={orders.data ?? []} />
      {orders.status === 'loading' ? <Loading /> : null}
      {orders.status === 'error' ? <ErrorBanner message={errorText(orders.error, t)} onRetry={orders.reload} /> : null}
      {orders.status === 'ready' && orders.data.length === 0 ? (
        <EmptyState title={t('orders.empty')}>
          <p className="muted">{t('orders.emptyHelp')}</p>
        </EmptyState>
      ) : null}
      {orders.status === 'ready' && orders.data.length > 0 ? (
        <OrderList orders={orders.data} onOpen={setOpenId} />
      ) : null}
      {openId ? <OrderDetail id={openId} onClose={() => setOpenId(null)} onChanged={orders.reload} /> : null}
      {settings ? <NotificationSettings onClose={() => setSettings(false)} /> : null}
    </section>
  );
}
