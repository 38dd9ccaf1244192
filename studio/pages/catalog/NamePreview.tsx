import { useT } from '../../i18n/index.ts';
import { truncate } from '../../../shared/text/truncate.ts';
import { whatsappLimits } from '../../../shared/whatsapp-limits.ts';

/**
 * How WhatsApp will show the name and description before saving: a button title (20), a list
 * row title (24) and a row description (72), cut where the bot cuts them.
 */
export function NamePreview({ name, description, price }: { name: string; description: string; price: string }) {
  const t = useT();
  const row = `${price}${description ? ` · ${description}` : ''}`;
  const cases = [
    {
      label: t('commerce.preview.button'),
      text: truncate(name, whatsappLimits.buttonTitle),
      max: whatsappLimits.buttonTitle,
      full: name,
    },
    {
      label: t('commerce.preview.row'),
      text: truncate(name, whatsappLimits.rowTitle),
      max: whatsappLimits.rowTitle,
      full: name,
    },
    {
      label: t('commerce.preview.description'),
      text: truncate(row, whatsappLimits.rowDescription),
      max: whatsappLimits.rowDescription,
      full: row,
    },
  ];
  return (
    <div className="field span-2" data-testid="name-preview">
      <span>{t('commerce.preview.title')}</span>
      {cases.map((c) => (
        <small key={c.label} className={c.full.length > c.max ? 'warning' : 'muted'}>
          {c.label} ({c.max}): <strong>{c.text || '—'}</strong>
          {c.full.length > c.max ? ` — ${t('commerce.preview.cut')}` : ''}
        </small>
      ))}
    </div>
  );
}
