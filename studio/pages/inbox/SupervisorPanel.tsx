import { api } from '../../api/client.ts';
import { teamsApi } from '../../api/teams.ts';
import { useT } from '../../i18n/index.ts';
import { errorText } from '../../ui/error-text.ts';
import { Link } from '../../ui/router.ts';
import { ErrorBanner, Loading } from '../../ui/states.tsx';
import { ageOf, type Age } from './age.ts';
import { useLive } from './use-live.ts';

/** Handoffs, presence changes (a conversation routed) and messages move these numbers. */
const changesFloor = (type: string) => type.startsWith('handoff.') || type === 'message.received';

/**
 * The floor for supervisors and admins: who is online with how many conversations of their
 * capacity, what waits in each team's queue (longest wait, SLA missed), and what was closed
 * lately (to reopen).
 */
export function SupervisorPanel({ now }: { now: Date }) {
  const t = useT();
  const floor = useLive(
    () =>
      Promise.all([teamsApi.listAgents(), teamsApi.listQueues(), api.listHandoffs('resolved')]).then(([a, q, r]) => ({
        agents: a.agents,
        queues: q.queues,
        resolved: r.handoffs.slice(-10).reverse(),
      })),
    (e) => changesFloor(e.type),
  );
  const age = (a: Age) => (a.unit === 'now' ? t('inbox.age.now') : t(`inbox.age.${a.unit}`, { n: a.n }));
  if (!floor.data)
    return floor.error ? (
      <ErrorBanner message={errorText(floor.error, t)} onRetry={() => void floor.refresh()} />
    ) : (
      <Loading />
    );
  const { agents, queues, resolved } = floor.data;
  return (
    <section className="inbox-supervisor" aria-label={t('supervisor.title')} data-testid="supervisor-panel">
      <table className="table" data-testid="supervisor-agents">
        <caption className="visually-hidden">{t('supervisor.agents')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('supervisor.agents')}</th>
            <th scope="col" className="num">
              {t('supervisor.load')}
            </th>
          </tr>
        </thead>
        <tbody>
          {agents.map((a) => (
            <tr key={a.id} data-status={a.status}>
              <td>
                <span className={`presence-dot ${a.status}`} aria-hidden="true" />
                {a.name} <span className="muted small">{t(`presence.${a.status}`)}</span>
              </td>
              <td className="num">{t('supervisor.loadOf', { open: a.openCount, capacity: a.capacity })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="table" data-testid="supervisor-queues">
        <caption className="visually-hidden">{t('supervisor.queues')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('supervisor.queues')}</th>
            <th scope="col" className="num">
              {t('supervisor.waiting')}
            </th>
            <th scope="col">{t('supervisor.longest')}</th>
            <th scope="col" className="num">
              {t('supervisor.breached')}
            </th>
          </tr>
        </thead>
        <tbody>
          {queues.map((q) => (
            <tr key={q.teamId ?? `name:${q.team}`}>
              <td>
                {q.team}
                {q.teamId === null ? <span className="muted small"> {t('supervisor.noTeam')}</span> : null}
              </td>
              <td className="num">{q.waiting}</td>
              <td>{q.oldestWaitingSince ? age(ageOf(q.oldestWaitingSince, now)) : '—'}</td>
              <td className={q.breached > 0 ? 'num late' : 'num'}>{q.breached}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {resolved.length ? (
        <div>
          <h3 className="small">{t('supervisor.resolved')}</h3>
          <ul className="plain-list">
            {resolved.map((h) => (
              <li key={h.id}>
                <Link to={`/inbox/${encodeURIComponent(h.id)}`}>{h.contact.name || h.contact.phone}</Link>{' '}
                <span className="muted small">{h.team}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
