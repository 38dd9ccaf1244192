import { useEffect, useRef, useState } from 'react';
import { recipientOutcomes, type RecipientOutcome } from '../../../shared/api/campaigns.ts';
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
          <RecipientPages campaignId={shown} version={version} />
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

const pageSize = 200;

/**
 * The recipients a page at a time ("Mostrar mais" follows the API's cursor), optionally of one
 * outcome. When something moves (`version`), the rows already shown are read again at once, so
 * a live campaign does not fold the list back to its first page.
 */
function RecipientPages({ campaignId, version }: { campaignId: string; version: number }) {
  const t = useT();
  const [outcome, setOutcome] = useState<RecipientOutcome | null>(null);
  const [rows, setRows] = useState<RecipientView[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const shownCount = useRef(pageSize);

  useEffect(() => {
    let live = true;
    setLoading(true);
    campaignsApi
      .recipients(campaignId, { outcome, limit: Math.min(1000, Math.max(pageSize, shownCount.current)) })
      .then(
        (r) => {
          if (!live) return;
          setRows(r.recipients);
          setNext(r.next);
          setError(null);
        },
        (err: unknown) => live && setError(errorText(err, t)),
      )
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [campaignId, version, outcome, t]);

  const more = async () => {
    if (next === null) return;
    setLoading(true);
    try {
      const r = await campaignsApi.recipients(campaignId, { outcome, after: next, limit: pageSize });
      setRows((old) => {
        const all = [...old, ...r.recipients];
        shownCount.current = all.length;
        return all;
      });
      setNext(r.next);
    } catch (err) {
      setError(errorText(err, t));
    }
    setLoading(false);
  };

  return (
    <div className="stack">
      <label className="field inline">
        <span>{t('campaigns.filterOutcome')}</span>
        <select
          value={outcome ?? ''}
          data-testid="recipient-filter"
          onChange={(e) => {
            shownCount.current = pageSize;
            setOutcome(recipientOutcomes.find((o) => o === e.target.value) ?? null);
          }}
        >
          <option value="">{t('campaigns.allOutcomes')}</option>
          {recipientOutcomes.map((o) => (
            <option key={o} value={o}>
              {t(`campaigns.outcome.${o}`)}
            </option>
          ))}
        </select>
      </label>
      {error ? <ErrorBanner message={error} /> : null}
      {rows.length ? (
        <Recipients rows={rows} />
      ) : loading ? (
        <Loading />
      ) : (
        <p className="muted small">{t(outcome ? 'campaigns.noRecipientsWithOutcome' : 'campaigns.noRecipients')}</p>
      )}
      {rows.length ? (
        <div className="page-actions">
          <span className="muted small" data-testid="recipients-shown">
            {t('campaigns.recipientsShown', { n: rows.length })}
          </span>
          {next !== null ? (
            <button type="button" className="button" disabled={loading} onClick={() => void more()}>
              {t('campaigns.moreRecipients')}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
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
