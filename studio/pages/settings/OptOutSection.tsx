import { useState, type FormEvent } from 'react';
import { defaultOptOut, type OptOutSettings } from '../../../shared/api/settings.ts';
import { api } from '../../api/client.ts';
import { useT, type MessageKey } from '../../i18n/index.ts';
import { errorText } from '../../ui/error-text.ts';
import { showToast } from '../../ui/toast.tsx';

interface Props {
  optOut: OptOutSettings;
  onSaved(): void;
}

/** Same word for the server when case and accents are set aside (see opt-out-words.ts). */
const sameWord = (a: string, b: string) => a.localeCompare(b, 'pt-BR', { sensitivity: 'base' }) === 0;

/** A list of words: each removable, one added at a time (Enter or the button). */
function WordList({
  label,
  words,
  testId,
  onChange,
}: {
  label: MessageKey;
  words: string[];
  testId: string;
  onChange(words: string[]): void;
}) {
  const t = useT();
  const [draft, setDraft] = useState('');
  const add = () => {
    const word = draft.trim().toUpperCase();
    if (word === '') return;
    if (!words.some((w) => sameWord(w, word))) onChange([...words, word]);
    setDraft('');
  };
  return (
    <fieldset className="field opt-out-words" data-testid={testId}>
      <legend>{t(label)}</legend>
      <ul className="word-chips">
        {words.map((w) => (
          <li key={w} className="pill">
            <span>{w}</span>
            <button
              type="button"
              className="link-button"
              aria-label={t('optOut.remove', { word: w })}
              onClick={() => onChange(words.filter((x) => x !== w))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="retention-row">
        <input
          aria-label={`${t(label)}: ${t('optOut.newWord')}`}
          placeholder={t('optOut.newWord')}
          maxLength={40}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            add();
          }}
        />
        <button type="button" className="button small" onClick={add} disabled={words.length >= 20}>
          {t('optOut.add')}
        </button>
      </div>
    </fieldset>
  );
}

/** Opt-out words and their confirmations: what a contact sends to stop (or resume) campaigns. */
export function OptOutSection({ optOut, onSaved }: Props) {
  const t = useT();
  const [value, setValue] = useState<OptOutSettings>(optOut);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof OptOutSettings>(key: K, v: OptOutSettings[K]) => setValue((o) => ({ ...o, [key]: v }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (value.stopWords.length === 0) {
      setError(t('optOut.needOne'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.updateSettings({ optOut: value });
      showToast(t('optOut.saved'));
      onSaved();
    } catch (err) {
      setError(errorText(err, t));
    }
    setBusy(false);
  };

  return (
    <form className="card" aria-labelledby="opt-out-title" onSubmit={submit} data-testid="opt-out-settings">
      <h2 id="opt-out-title">{t('optOut.title')}</h2>
      <p className="muted small">{t('optOut.help')}</p>
      <WordList
        label="optOut.stopWords"
        testId="stop-words"
        words={value.stopWords}
        onChange={(w) => set('stopWords', w)}
      />
      <label className="field">
        <span>{t('optOut.stopReply')}</span>
        <textarea
          required
          rows={2}
          maxLength={1000}
          value={value.stopReply}
          onChange={(e) => set('stopReply', e.target.value)}
        />
      </label>
      <WordList
        label="optOut.startWords"
        testId="start-words"
        words={value.startWords}
        onChange={(w) => set('startWords', w)}
      />
      <label className="field">
        <span>{t('optOut.startReply')}</span>
        <textarea
          required
          rows={2}
          maxLength={1000}
          value={value.startReply}
          onChange={(e) => set('startReply', e.target.value)}
        />
      </label>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="row-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {t('optOut.save')}
        </button>
        <button type="button" className="button" onClick={() => setValue(defaultOptOut)}>
          {t('optOut.defaults')}
        </button>
      </div>
    </form>
  );
}
