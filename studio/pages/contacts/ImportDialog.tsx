import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import { contactsApi, type ImportReport } from '../../api/contacts.ts';
import { useT } from '../../i18n/index.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { errorText } from '../../ui/error-text.ts';
import { useResource } from '../../ui/use-resource.ts';

/** Pick or paste a CSV, choose the channel when there are several, then read the per-line report. */
export function ImportDialog({ onClose, onImported }: { onClose(): void; onImported(): void }) {
  const t = useT();
  const channels = useResource(() => api.listChannels().then((r) => r.channels), []);
  const [csv, setCsv] = useState('');
  const [channelId, setChannelId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const several = (channels.data?.length ?? 0) > 1;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setReport(await contactsApi.import({ csv, ...(channelId ? { channelId } : {}) }));
      onImported();
    } catch (err) {
      setError(errorText(err, t));
    }
    setBusy(false);
  };

  return (
    <Dialog title={t('contacts.import')} onClose={onClose} size="large" testId="import-dialog">
      <form className="stack" onSubmit={submit}>
        <p className="muted small">{t('contacts.importHelp')}</p>
        <label className="field">
          <span>{t('contacts.importFile')}</span>
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (file) setCsv(await file.text());
            }}
          />
        </label>
        <label className="field">
          <span>{t('contacts.importText')}</span>
          <textarea rows={5} value={csv} onChange={(e) => setCsv(e.target.value)} data-testid="import-text" />
        </label>
        {several ? (
          <label className="field">
            <span>{t('contacts.importChannel')}</span>
            <select required value={channelId} onChange={(e) => setChannelId(e.target.value)}>
              <option value="" />
              {(channels.data ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.close')}
          </button>
          <button type="submit" className="button primary" disabled={busy || !csv.trim()}>
            {busy ? t('common.working') : t('contacts.importRun')}
          </button>
        </div>
      </form>
      {report ? (
        <div className="import-report" data-testid="import-report">
          <p role="status">
            <strong>
              {t('contacts.importSummary', {
                created: report.created,
                updated: report.updated,
                rejected: report.rejected,
              })}
            </strong>
          </p>
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('contacts.line')}</th>
                  <th scope="col">{t('contacts.phone')}</th>
                  <th scope="col">{t('contacts.outcome')}</th>
                  <th scope="col">{t('contacts.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {report.rows.map((r) => (
                  <tr key={r.line} className={r.outcome === 'rejected' ? 'rejected' : undefined}>
                    <td className="num">{r.line}</td>
                    <td>{r.phone}</td>
                    <td>
                      <span className={r.outcome === 'rejected' ? 'pill danger' : 'pill success'}>
                        {t(`contacts.outcome.${r.outcome}`)}
                      </span>
                    </td>
                    <td className="small">{r.reason ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
    </Dialog>
  );
}
