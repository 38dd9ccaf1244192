import type { Handoff } from '../../api/client.ts';
import { useLocaleStore, useT } from '../../i18n/index.ts';
import { variableRows } from './variables.ts';

/** What the flow knew when it handed over: its note for the agent and the data it collected. */
export function ContextPanel({ handoff }: { handoff: Handoff }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const rows = variableRows(handoff.variables);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(
    new Date(handoff.createdAt),
  );
  return (
    <aside className="inbox-context" aria-label={t('inbox.details')} data-testid="inbox-context">
      <section>
        <h3>{t('inbox.note')}</h3>
        {handoff.note ? (
          <p className="inbox-note">{handoff.note}</p>
        ) : (
          <p className="muted small">{t('inbox.noNote')}</p>
        )}
        <p className="muted small">
          {t('inbox.team', { team: handoff.team })} · {t('inbox.waitingSince', { when })}
        </p>
      </section>
      <section>
        <h3>{t('inbox.variables')}</h3>
        {rows.length === 0 ? (
          <p className="muted small">{t('inbox.noVariables')}</p>
        ) : (
          <dl className="inbox-variables">
            {rows.map((row) => (
              <div key={row.name} className="variable-row">
                <dt>{row.name}</dt>
                <dd>{row.value ?? <span className="muted">{t('inbox.notFilled')}</span>}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
    </aside>
  );
}
