import { useState } from 'react';
import { campaignsApi, type CampaignView, type RecipientView } from '../../api/campaigns.ts';
import { useLocaleStore, useT } from '../../i18n/index.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { errorText } from '../../ui/error-text.ts';
import { ErrorBanner, Loading } from '../../ui/states.tsx';
import { showToast } from '../../ui/toast.tsx';
import { useResource } from '../../ui/use-resource.ts';
import { CampaignStatusPill } from './CampaignStatusPill.tsx';
import { scheduleText } from './campaign-text.ts';

/**
 * One campaign: live totals, pause/resume/cancel, export, its runs (recurring) and recipients.
 * `version` changes when an event says something moved, and everything here is read again.
 */
export function CampaignDetail({
  id,
  version,
  onClose,
  onChanged,
}: {
  id: string;
  version: number;
  onClose(): void;
  onChanged(): void;
}) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  const [runId, setRunId] = useState<string | null>(null);
  const detail = useResource(() => campaignsApi.get(id).then((r) => r.campaign), [id, version]);
  const runs = useResource(() => campaignsApi.list(id).then((r) => r.campaigns), [id, version]);
  const shown = runId ?? id;
  const shownCampaign = useResource(() => campaignsApi.get(shown).then((r) => r.campaign), [shown, version]);
  const recipients = useResource(() => campaignsApi.recipients(shown).then((r) => r.recipients), [shown, version]);
  const [busy, setBusy] = useState(false);

  const change = async (status: 'paused' | 'active' | 'cancelled' | 'runNow') => {
    if (status === 'cancelled' && !window.confirm(t('campaigns.cancelConfirm'))) return;
    setBusy(true);
    try {
      await campaignsApi.update(id, status === 'runNow' ? { runNow: true } : { status });
      onChanged();
      detail.reload();
      shownCampaign.reload();
    } catch (err) {
      showToast(errorText(err, t), 'error');
    }
    setBusy(false);
  };

  const c = detail.data;
  const recurring = c ? c.schedule.kind !== 'once' : false;
  return (
    <Dialog title={c?.name ?? t('campaigns.title')} onClose={onClose} testId="campaign-detail" size="large">
      {detail.status === 'loading' ? <Loading /> : null}
      {detail.status === 'error' ? <ErrorBanner message={errorText(detail.error, t)} onRetry={detail.reload} /> : null}
      {c ? (
        <div className="stack">
          <div className="page-actions">
            <CampaignStatusPill status={c.status} />
            <span className="muted small">
              {scheduleText(c, t, date)}
              {recurring && c.status === 'scheduled'
                ? ` · ${t('campaigns.nextRun', { date: date.format(new Date(c.scheduledAt)) })}`
                : ''}
            </span>
          </div>
          <div className="page-actions">
            {c.status === 'scheduled' ? (
              <button type="button" className="button primary" disabled={busy} onClick={() => void change('runNow')}>
                {t('campaigns.runNow')}
              </button>
            ) : null}
            {c.status === 'scheduled' || c.status === 'running' ? (
              <button type="button" className="button" disabled={busy} onClick={() => void change('paused')}>
                {t('campaigns.pause')}
              </button>
            ) : null}
            {c.status === 'paused' ? (
              <button type="button" className="button" disabled={busy} onClick={() => void change('active')}>
                {t('campaigns.resume')}
              </button>
            ) : null}
            {c.status === 'scheduled' || c.status === 'running' || c.status === 'paused' ? (
              <button
                type="button"
                className="button danger-ghost"
                disabled={busy}
                onClick={() => void change('cancelled')}
              >
                {t('campaigns.cancel')}
              </button>
            ) : null}
            <a className="button" href={campaignsApi.exportUrl(shown)} download>
              {t('campaigns.export')}
            </a>
          </div>

          {recurring ? (
            <section className="stack">
              <h3>{t('campaigns.runs')}</h3>
              {runs.data?.length ? (
                <div className="campaign-choices" data-testid="campaign-runs">
                  {runs.data.map((r) => (
                    <button
                      key={r.id}
                      type="button"
                      className={`link-button${r.id === runId ? ' active' : ''}`}
                      onClick={() => setRunId(r.id)}
                    >
                      {date.format(new Date(r.scheduledAt))}
                    </button>
                  ))}
                </div>
              ) : (
                <p className="muted small">{t('campaigns.noRuns')}</p>
              )}
            </section>
          ) : null}

          {shownCampaign.data ? <Totals campaign={shownCampaign.data} /> : null}
          <h3>{t('campaigns.recipients')}</h3>
          {recipients.data?.length ? (
            <Recipients rows={recipients.data} />
          ) : (
            <p className="muted small">{t('campaigns.noRecipients')}</p>
          )}
        </div>
      ) : null}
    </Dialog>
  );
}

function Totals({ campaign }: { campaign: CampaignView }) {
  const t = useT();
  return (
    <ul className="campaign-totals" data-testid="campaign-totals">
      {(Object.entries(campaign.totals) as [keyof CampaignView['totals'], number][]).map(([outcome, n]) => (
        <li key={outcome} data-testid={`total-${outcome}`}>
          <strong>{n}</strong>
          <span className="muted small">{t(`campaigns.outcome.${outcome}`)}</span>
        </li>
      ))}
    </ul>
  );
}

function Recipients({ rows }: { rows: RecipientView[] }) {
  const t = useT();
  return (
    <table className="table campaign-recipients" data-testid="campaign-recipients">
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">{t('campaigns.col.phone')}</th>
          <th scope="col">{t('campaigns.form.name')}</th>
          <th scope="col">{t('campaigns.col.outcome')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.row} data-testid={`recipient-${r.phone}`}>
            <td className="muted small">{r.row}</td>
            <td>+{r.phone}</td>
            <td>{r.name}</td>
            <td>
              <span className="pill" data-testid="recipient-outcome">
                {t(`campaigns.outcome.${r.outcome}`)}
              </span>
              {r.skipReason ? <span className="muted small"> · {t(`campaigns.skip.${r.skipReason}`)}</span> : null}
              {r.error ? (
                <div className="muted small">
                  {r.error.code ? `${r.error.code}: ` : ''}
                  {r.error.reason}
                </div>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
