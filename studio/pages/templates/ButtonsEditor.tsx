import { templateLimits, urlVariable, type DraftButton } from '../../../shared/message-templates/draft.ts';
import { useT } from '../../i18n/index.ts';

type Kind = DraftButton['type'];
const blank: Record<Kind, DraftButton> = {
  QUICK_REPLY: { type: 'QUICK_REPLY', text: '' },
  URL: { type: 'URL', text: '', url: 'https://', example: '' },
  PHONE_NUMBER: { type: 'PHONE_NUMBER', text: '', phoneNumber: '+55' },
};

/** A template's buttons: quick replies, links (one `{{1}}` at the end) and a phone, in Meta's limits. */
export function ButtonsEditor({
  buttons,
  onChange,
  problemsOf,
}: {
  buttons: DraftButton[];
  onChange(buttons: DraftButton[]): void;
  problemsOf(field: string, value: string): string[];
}) {
  const t = useT();
  const put = (i: number, b: DraftButton) => onChange(buttons.map((x, at) => (at === i ? b : x)));
  const full = buttons.length >= templateLimits.buttons;
  const problems = (field: string, value: string) =>
    problemsOf(field, value).map((p) => (
      <small key={p} className="tpl-problem" data-testid="template-form-problem">
        {p}
      </small>
    ));
  return (
    <fieldset className="field tpl-buttons-editor">
      <legend>{t('tplCreate.buttons')}</legend>
      {problems('buttons', 'x')}
      {buttons.map((b, i) => (
        <div key={i} className="tpl-button-row" data-testid="template-form-button">
          <span className="muted small">{t(`tplCreate.button.${b.type}`)}</span>
          <input
            aria-label={t('tplCreate.buttonText')}
            placeholder={t('tplCreate.buttonText')}
            maxLength={templateLimits.buttonText + 10}
            value={b.text}
            onChange={(e) => put(i, { ...b, text: e.target.value })}
          />
          {problems(`buttons.${i}.text`, b.text)}
          {b.type === 'URL' ? (
            <>
              <input
                aria-label={t('tplCreate.buttonUrl')}
                value={b.url}
                onChange={(e) => put(i, { ...b, url: e.target.value })}
              />
              {problems(`buttons.${i}.url`, b.url)}
              {urlVariable(b.url) !== undefined ? (
                <input
                  aria-label={t('tplCreate.example', { name: urlVariable(b.url) ?? '' })}
                  placeholder={t('tplCreate.example', { name: urlVariable(b.url) ?? '' })}
                  value={b.example}
                  onChange={(e) => put(i, { ...b, example: e.target.value })}
                />
              ) : null}
              {problems(`buttons.${i}.example`, b.example)}
            </>
          ) : null}
          {b.type === 'PHONE_NUMBER' ? (
            <>
              <input
                aria-label={t('tplCreate.buttonPhone')}
                inputMode="tel"
                value={b.phoneNumber}
                onChange={(e) => put(i, { ...b, phoneNumber: e.target.value })}
              />
              {problems(`buttons.${i}.phoneNumber`, b.phoneNumber)}
            </>
          ) : null}
          <button type="button" className="button small" onClick={() => onChange(buttons.filter((_, at) => at !== i))}>
            {t('tplCreate.removeButton')}
          </button>
        </div>
      ))}
      <div className="row-actions">
        {(Object.keys(blank) as Kind[]).map((kind) => (
          <button
            key={kind}
            type="button"
            className="button small"
            disabled={full}
            onClick={() => onChange([...buttons, blank[kind]])}
          >
            + {t(`tplCreate.button.${kind}`)}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
