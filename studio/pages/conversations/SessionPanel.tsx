import type { ReactNode } from 'react';
import type { ConversationDetail } from '../../api/client.ts';
import { useT } from '../../i18n/index.ts';

const shown = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** Where the flow stands with this contact: flow, version, block and the variables it collected. */
export function SessionPanel({ session, children }: { session: ConversationDetail['session']; children?: ReactNode }) {
  const t = useT();
  const variables = Object.entries(session?.variables ?? {});
  return (
    <aside className="conv-session" aria-label={t('conv.details')} data-testid="conv-session">
      <h3>{t('conv.session')}</h3>
      {session ? (
        <dl className="conv-facts">
          <div>
            <dt>{t('conv.flow')}</dt>
            <dd>{session.flowName}</dd>
          </div>
          <div>
            <dt>{t('conv.version')}</dt>
            <dd>{session.version ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('conv.block')}</dt>
            <dd>{session.block ? `${session.block.title ?? session.block.id} (${session.block.type ?? '?'})` : '—'}</dd>
          </div>
          <div>
            <dt>{t('conv.sessionStatus')}</dt>
            <dd>{t(`conv.sessionStatus.${session.status}`)}</dd>
          </div>
        </dl>
      ) : (
        <p className="muted small">{t('conv.noSession')}</p>
      )}
      <h3>{t('conv.variables')}</h3>
      {variables.length === 0 ? (
        <p className="muted small">{t('conv.noVariables')}</p>
      ) : (
        <dl className="conv-facts">
          {variables.map(([name, value]) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd>{value === null || value === '' ? '—' : shown(value)}</dd>
            </div>
          ))}
        </dl>
      )}
      {children}
    </aside>
  );
}
