import { useLocaleStore, useT } from '../../i18n/index.ts';
import { Icon } from '../../nodes/icons.tsx';
import { usePanelFocus } from '../../ui/use-panel-focus.ts';
import { useEditor } from '../state/EditorProvider.tsx';

interface ProblemsPanelProps {
  onFocusNode(id: string): void;
  onClose(): void;
}

/**
 * Everything validation found; choosing a problem (click, Enter or Space) selects its node and
 * brings it into view. Focus moves here when the panel opens and back when it closes.
 */
export function ProblemsPanel({ onFocusNode, onClose }: ProblemsPanelProps) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const problems = useEditor((s) => s.problems);
  const nodeTypeOf = useEditor((s) => s.flow.nodes);
  const typeById = new Map(nodeTypeOf.map((n) => [n.id, n.type]));
  const errors = problems.filter((p) => p.severity === 'error').length;
  const title = usePanelFocus<HTMLHeadingElement>();

  return (
    <section className="fx-problems" data-testid="problems-panel" aria-label={t('editor.problems.title')}>
      <header className="fx-problems__header">
        <h2 ref={title} tabIndex={-1}>
          {t('editor.problems.title')}
        </h2>
        <span className="fx-meta">{t('editor.problems.summary', { errors, warnings: problems.length - errors })}</span>
        <button type="button" className="fx-icon-button" aria-label={t('editor.problems.close')} onClick={onClose}>
          <Icon name="close" size={14} />
        </button>
      </header>
      {problems.length === 0 ? (
        <p className="fx-problems__empty">{t('editor.problems.none')}</p>
      ) : (
        <ul className="fx-problems__list">
          {problems.map((p, i) => {
            const type = p.nodeId ? typeById.get(p.nodeId) : undefined;
            return (
              <li key={`${p.code}-${p.nodeId ?? ''}-${p.edgeId ?? ''}-${p.field ?? ''}-${i}`}>
                <button
                  type="button"
                  className={`fx-problem fx-problem--${p.severity}`}
                  disabled={!p.nodeId || !type}
                  onClick={() => p.nodeId && onFocusNode(p.nodeId)}
                >
                  <span className="fx-problem__icon" aria-hidden>
                    <Icon name="alert" size={14} />
                  </span>
                  <span className="fx-problem__where">
                    {type ? t(`editor.node.${type}`) : t('editor.problems.flow')}
                  </span>
                  <span className="fx-problem__text">{p.messages[locale]}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
