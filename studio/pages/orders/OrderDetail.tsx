import { useState } from 'react';
import { ordersApi, type OrderNoticeView } from '../../api/orders.ts';
import { useT } from '../../i18n/index.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { errorText } from '../../ui/error-text.ts';
import { formatReais } from '../../ui/money.ts';
import { ErrorBanner, Loading } from '../../ui/states.tsx';
import { showToast } from '../../ui/toast.tsx';
import { useResource } from '../../ui/use-resource.ts';
import { StatusPill } from './StatusPill.tsx';

/** One order: what was bought, where it goes, and the status moves with what each tells the customer. */
export function OrderDetail({ id, onClose, onChanged }: { id: string; onClose(): void; onChanged(): void }) {
  const t = useT();
  const detail = useResource(() => ordersApi.get(id), [id]);
  const [busy, setBusy] = useState(false);

  const noticeText = (n: OrderNoticeView) =>
    n.via === 'text'
      ? t('orders.willSend', { message: n.message ?? '' })
      : n.via === 'template'
        ? t('orders.willSendTemplate', { message: n.message ?? '' })
        : t(`orders.reason.${n.reason ?? 'disabled'}`);

  const move = async (status: OrderNoticeView['status']) => {
    setBusy(true);
    try {
      const res = await ordersApi.update(id, { status });
      const label = t(`orders.status.${status}`);
      if (res.notice?.via) showToast(t('orders.changed', { number: res.order.number, status: label }));
      else
        showToast(
          t('orders.changedSilently', {
            number: res.order.number,
            status: label,
            reason: t(`orders.reason.${res.notice?.reason ?? 'disabled'}`),
          }),
        );
      onChanged();
      detail.reload();
    } catch (err) {
      showToast(errorText(err, t), 'error');
    }
    setBusy(false);
  };

  const markPaid = async () => {
    setBusy(true);
    try {
      await ordersApi.markPaid(id);
      onChanged();
      detail.reload();
    } catch (err) {
      showToast(errorText(err, t), 'error');
    }
    setBusy(false);
  };

  const order = detail.data?.order;
  return (
    <Dialog
      title={order ? t('orders.number', { number: order.number }) : t('orders.title')}
      onClose={onClose}
      testId="order-detail"
      size="large"
    >
      {detail.status === 'loading' ? <Loading /> : null}
      {detail.status === 'error' ? <ErrorBanner message={errorText(detail.error, t)} onRetry={detail.reload} /> : null}
      {order && detail.data ? (
        <div className="stack order-detail">
          <p>
            <StatusPill status={order.status} />
          </p>
          <dl className="facts">
            <dt>{t('orders.customer')}</dt>
            <dd>
              {order.contactName ?? t('orders.noCustomer')}
              {order.contactPhone ? ` · +${order.contactPhone}` : ''}
            </dd>
            <dt>{t('orders.address')}</dt>
            <dd data-testid="order-address">{order.address || t('orders.none')}</dd>
            <dt>{t('orders.notes')}</dt>
            <dd>{order.notes || t('orders.none')}</dd>
            <dt>{t('orders.payment')}</dt>
            <dd>
              {order.paymentMethod ?? t('orders.none')}
              {order.paidAt ? (
                <span className="pill" data-testid="order-paid">
                  {' '}
                  {t('orders.paidAt', { when: new Date(order.paidAt).toLocaleString() })}
                </span>
              ) : order.status !== 'cancelled' ? (
                <>
                  {' '}
                  <button
                    type="button"
                    className="button small"
                    data-testid="order-mark-paid"
                    disabled={busy}
                    onClick={() => void markPaid()}
                  >
                    {t('orders.markPaid')}
                  </button>
                </>
              ) : null}
            </dd>
            <dt>{t('orders.channel')}</dt>
            <dd>{order.channelName ?? t('orders.none')}</dd>
            <dt>{t('orders.flow')}</dt>
            <dd>{order.flowName ?? t('orders.none')}</dd>
          </dl>
          <h3>{t('orders.items')}</h3>
          <ul className="order-items">
            {order.items.map((i, n) => (
              <li key={`${i.productId ?? ''}-${n}`}>
                <span>
                  {i.quantity}× {i.name} <span className="muted small">({formatReais(i.unitPriceCents)})</span>
                </span>
                <span>{formatReais(i.unitPriceCents * i.quantity)}</span>
              </li>
            ))}
            <li className="order-total">
              <strong>{t('orders.total')}</strong>
              <strong>{formatReais(order.totalCents)}</strong>
            </li>
          </ul>
          <h3>{t('orders.moveTo')}</h3>
          {detail.data.next.length === 0 ? (
            <p className="muted">{t('orders.closed')}</p>
          ) : (
            <ul className="order-moves">
              {detail.data.next.map((n) => (
                <li key={n.status}>
                  <button
                    type="button"
                    className={`button${n.status === 'cancelled' ? ' danger' : ''}`}
                    disabled={busy}
                    onClick={() => void move(n.status)}
                  >
                    {t(`orders.status.${n.status}`)}
                  </button>
                  <span className="muted small">{noticeText(n)}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </Dialog>
  );
}
