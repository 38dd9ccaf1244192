import { useState, type ChangeEvent } from 'react';
import { catalogApi, type ImportReport } from '../../api/catalog.ts';
import { useT } from '../../i18n/index.ts';
import { errorText } from '../../ui/error-text.ts';

/** The catalog as a spreadsheet: export it, or import one and see which lines were refused and why. */
export function CsvPanel({ catalogId, onImported }: { catalogId: string; onImported(): void }) {
  const t = useT();
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      setReport(await catalogApi.importCsv(catalogId, await file.text()));
      onImported();
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="csv-panel" data-testid="csv-panel">
      <div className="inline-form">
        <a className="button small" href={catalogApi.exportUrl(catalogId)} download="catalogo.csv">
          {t('catalogs.exportCsv')}
        </a>
        <label className="button small" aria-disabled={busy}>
          {t('catalogs.importCsv')}
          <input
            type="file"
            accept=".csv,text/csv"
            className="visually-hidden"
            data-testid="csv-input"
            disabled={busy}
            onChange={importFile}
          />
        </label>
      </div>
      {error ? (
        <p className="form-error small" role="alert">
          {error}
        </p>
      ) : null}
      {report ? (
        <div role="status" data-testid="import-report">
          <p className="small">
            {t('catalogs.importDone', {
              created: report.created,
              updated: report.updated,
              rejected: report.rejected.length,
            })}
          </p>
          {report.rejected.length ? (
            <table className="table compact">
              <thead>
                <tr>
                  <th scope="col">{t('catalogs.importLine')}</th>
                  <th scope="col">{t('catalogs.importReason')}</th>
                </tr>
              </thead>
              <tbody>
                {report.rejected.map((r) => (
                  <tr key={r.line}>
                    <td className="num">{r.line}</td>
                    <td>{r.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
