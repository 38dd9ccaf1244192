import { useState } from 'react';
import { dashboardDays } from '../../shared/api/dashboard.ts';
import { api } from '../api/client.ts';
import { dashboardApi, dayEnd, dayStart, type DashboardFilter } from '../api/dashboard.ts';
import { useSession } from '../api/session.ts';
import { useT } from '../i18n/index.ts';
import { errorText } from '../ui/error-text.ts';
import { formatReais } from '../ui/money.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { ErrorBanner, Loading } from '../ui/states.tsx';
import { useResource } from '../ui/use-resource.ts';
import { ConversationsChart, FunnelChart, MessagesChart, RevenueChart } from './dashboard/Charts.tsx';
import { formatDuration, formatPercent } from './dashboard/format.ts';
import './dashboard/dashboard.css';
import { AiUsageKpi } from './dashboard/AiUsageKpi.tsx';

function Kpi({ label, value, hint, id }: { label: string; value: string; hint?: string; id: string }) {
  return (
    <div className="dash-kpi" data-kpi={id}>
      <span className="dash-kpi-label">{label}</span>
      <strong className="dash-kpi-value">{value}</strong>
      {hint ? <span className="muted small">{hint}</span> : null}
    </div>
  );
}

/** Painel: the period's figures for a channel (or all), with a flow's funnel on demand. */
export function DashboardPage() {
  const t = useT();
  const isAdmin = useSession((s) => s.session.user?.role === 'admin');
  const [filter, setFilter] = useState<DashboardFilter>({ days: 7, channelId: '', flowId: '' });
  const [custom, setCustom] = useState({ from: '', to: '' });
  const figures = useResource(() => dashboardApi.dashboard(filter), [filter]);
  // Channels are an admin's list; editors see every channel together.
  const channels = useResource(
    () => (isAdmin ? api.listChannels().then((r) => r.channels) : Promise.resolve([])),
    [isAdmin],
  );
  const flows = useResource(() => api.listFlows().then((r) => r.flows), []);

  const applyCustom = () => {
    if (custom.from && custom.to)
      setFilter({ ...filter, days: null, from: dayStart(custom.from), to: dayEnd(custom.to) });
  };

  return (
    <section className="page dash-page">
      <PageHeader title={t('dashboard.title')} subtitle={t('dashboard.subtitle')} />
      <div className="dash-filters">
        <label>
          <span>{t('dashboard.period')}</span>
          <select
            value={filter.days === null ? 'custom' : String(filter.days)}
            onChange={(e) => {
              const days = Number(e.target.value);
              if (e.target.value === 'custom') setCustom({ from: custom.from, to: custom.to });
              setFilter(
                e.target.value === 'custom'
                  ? { ...filter, days: null, from: dayStart(custom.from), to: dayEnd(custom.to) }
                  : { ...filter, days },
              );
            }}
          >
            {dashboardDays.map((d) => (
              <option key={d} value={d}>
                {t('dashboard.lastDays', { days: d })}
              </option>
            ))}
            <option value="custom">{t('dashboard.custom')}</option>
          </select>
        </label>
        {filter.days === null ? (
          <div className="dash-custom">
            <label>
              <span>{t('dashboard.from')}</span>
              <input type="date" value={custom.from} onChange={(e) => setCustom({ ...custom, from: e.target.value })} />
            </label>
            <label>
              <span>{t('dashboard.to')}</span>
              <input type="date" value={custom.to} onChange={(e) => setCustom({ ...custom, to: e.target.value })} />
            </label>
            <button type="button" className="button" onClick={applyCustom} disabled={!custom.from || !custom.to}>
              {t('dashboard.apply')}
            </button>
          </div>
        ) : null}
        {isAdmin ? (
          <label>
            <span>{t('dashboard.channel')}</span>
            <select value={filter.channelId} onChange={(e) => setFilter({ ...filter, channelId: e.target.value })}>
              <option value="">{t('dashboard.allChannels')}</option>
              {(channels.data ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label>
          <span>{t('dashboard.flow')}</span>
          <select value={filter.flowId} onChange={(e) => setFilter({ ...filter, flowId: e.target.value })}>
            <option value="">{t('dashboard.noFlow')}</option>
            {(flows.data ?? []).map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </label>
      </div>

      {figures.status === 'loading' ? <Loading /> : null}
      {figures.status === 'error' ? (
        <ErrorBanner message={errorText(figures.error, t)} onRetry={figures.reload} />
      ) : null}
      {figures.status === 'ready'
        ? (() => {
            const d = figures.data;
            const statuses = Object.entries(d.messages.byStatus).sort((a, b) => b[1] - a[1]);
            return (
              <>
                <div className="dash-kpis">
                  <Kpi id="started" label={t('dashboard.started')} value={String(d.conversations.started)} />
                  <Kpi id="completed" label={t('dashboard.completed')} value={String(d.conversations.completed)} />
                  <Kpi
                    id="handoffRate"
                    label={t('dashboard.handoffRate')}
                    value={formatPercent(d.conversations.handoffRate)}
                    hint={t('dashboard.handoffRateHint', { n: d.conversations.handedOff })}
                  />
                  <Kpi
                    id="botReply"
                    label={t('dashboard.botReply')}
                    value={formatDuration(d.firstReply.botSeconds, t)}
                    hint={t('dashboard.samples', { n: d.firstReply.botSamples })}
                  />
                  <Kpi
                    id="humanReply"
                    label={t('dashboard.humanReply')}
                    value={formatDuration(d.firstReply.humanSeconds, t)}
                    hint={t('dashboard.samples', { n: d.firstReply.humanSamples })}
                  />
                  <Kpi id="orders" label={t('dashboard.orders')} value={String(d.orders.count)} />
                  <Kpi
                    id="revenue"
                    label={t('dashboard.revenue')}
                    value={formatReais(d.orders.revenueCents)}
                    hint={t('dashboard.revenueHint')}
                  />
                  <AiUsageKpi filter={filter} />
                </div>
                <div className="dash-charts">
                  <ConversationsChart days={d.days} />
                  <MessagesChart days={d.days} />
                  <RevenueChart days={d.days} />
                  {d.funnel ? (
                    <FunnelChart steps={d.funnel.steps} name={d.funnel.flowName} />
                  ) : (
                    <p className="dash-chart muted">{t('dashboard.funnelHint')}</p>
                  )}
                </div>
                <div className="dash-tables">
                  <table className="table" data-testid="by-status">
                    <caption>{t('dashboard.byStatus')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('dashboard.status')}</th>
                        <th scope="col" className="num">
                          {t('dashboard.count')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {statuses.map(([status, n]) => (
                        <tr key={status}>
                          <td>{status}</td>
                          <td className="num">{n}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  <table className="table" data-testid="failures">
                    <caption>{t('dashboard.failuresByCode')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('dashboard.code')}</th>
                        <th scope="col" className="num">
                          {t('dashboard.count')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {d.messages.failuresByCode.length === 0 ? (
                        <tr>
                          <td colSpan={2} className="muted">
                            {t('dashboard.noFailures')}
                          </td>
                        </tr>
                      ) : (
                        d.messages.failuresByCode.map((f) => (
                          <tr key={f.code}>
                            <td>{f.code}</td>
                            <td className="num">{f.count}</td>
                          </tr>
                        ))
                      )}
                    </tbody>
                  </table>
                </div>
              </>
            );
          })()
        : null}
    </section>
  );
}
