import { useId } from 'react';
import { useT } from '../i18n/index.ts';
import { showToast } from './toast.tsx';

/** A read-only value with a copy button (webhook URLs, verify tokens). */
export function CopyField({ label, value }: { label: string; value: string }) {
  const t = useT();
  const id = useId();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      showToast(t('common.copied'));
    } catch {
      // Clipboard access can be refused (plain http, permissions): select it for Ctrl+C instead.
      const input = document.getElementById(id);
      if (input instanceof HTMLInputElement) input.select();
      showToast(t('common.copyManually'), 'error');
    }
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-field">
        <input id={id} readOnly value={value} onFocus={(e) => e.target.select()} />
        <button type="button" className="button small" onClick={copy} aria-label={t('common.copyOf', { label })}>
          {t('common.copy')}
        </button>
      </div>
    </div>
  );
}
