import { api, type TemplateSummary } from '../../api/client.ts';
import { useT } from '../../i18n/index.ts';
import { errorText } from '../../ui/error-text.ts';
import { ErrorBanner, Loading } from '../../ui/states.tsx';
import { useResource } from '../../ui/use-resource.ts';

interface TemplateGalleryProps {
  /** null means "blank flow"; omitted `selected` shows the gallery without a blank card. */
  selected?: string | null;
  withBlank?: boolean;
  onSelect(template: TemplateSummary | null): void;
}

/**
 * The starter templates as cards: a radio group (arrow keys move between them) when a choice
 * is being made, plain buttons when picking one just opens it.
 */
export function TemplateGallery({ selected, withBlank = false, onSelect }: TemplateGalleryProps) {
  const t = useT();
  const templates = useResource(() => api.listTemplates().then((r) => r.templates), []);

  if (templates.status === 'loading') return <Loading label={t('templates.loading')} />;
  if (templates.status === 'error')
    return <ErrorBanner message={errorText(templates.error, t)} onRetry={templates.reload} />;

  const cards: (TemplateSummary | null)[] = withBlank ? [null, ...templates.data] : templates.data;
  const body = (template: TemplateSummary | null) => (
    <>
      <span className="template-icon" aria-hidden="true">
        {template ? '✦' : '+'}
      </span>
      <strong>{template ? template.name : t('templates.blank')}</strong>
      <span className="muted small">{template ? template.description : t('templates.blankDescription')}</span>
      {template ? <span className="pill">{t('templates.nodes', { count: template.nodeCount })}</span> : null}
    </>
  );

  // Without a selection to keep, a card is an action: a button, so arrow keys don't open dialogs.
  if (selected === undefined) {
    return (
      <ul className="template-gallery" aria-label={t('templates.label')}>
        {cards.map((template) => (
          <li key={template?.id ?? 'blank'} className="template-gallery-item">
            <button
              type="button"
              className="template-card"
              data-testid={`template-${template?.id ?? 'blank'}`}
              onClick={() => onSelect(template)}
            >
              {body(template)}
            </button>
          </li>
        ))}
      </ul>
    );
  }

  return (
    <div className="template-gallery" role="radiogroup" aria-label={t('templates.label')}>
      {cards.map((template) => {
        const id = template?.id ?? null;
        const checked = selected === id;
        return (
          <label
            key={id ?? 'blank'}
            className={checked ? 'template-card selected' : 'template-card'}
            data-testid={`template-${id ?? 'blank'}`}
          >
            <input
              type="radio"
              name="template"
              className="visually-hidden"
              checked={checked}
              onChange={() => onSelect(template)}
              onClick={() => onSelect(template)}
            />
            {body(template)}
          </label>
        );
      })}
    </div>
  );
}
