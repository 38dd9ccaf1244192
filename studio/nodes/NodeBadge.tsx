import { useEditor } from '../editor/state/EditorProvider.tsx';
import { useLocaleStore, useT } from '../i18n/index.ts';

/** Count of validation problems on a node; hovering lists them. */
export function NodeBadge({ id }: { id: string }) {
  const problems = useEditor((s) => s.problemsByNode.get(id));
  const locale = useLocaleStore((s) => s.locale);
  const t = useT();
  if (!problems || problems.length === 0) return null;
  const errors = problems.some((p) => p.severity === 'error');
  const tooltip = problems.map((p) => `• ${p.messages[locale]}`).join('\n');
  return (
    <span
      className={`fx-badge ${errors ? 'fx-badge--error' : 'fx-badge--warning'}`}
      data-testid="node-badge"
      title={tooltip}
      aria-label={`${t('editor.problems.badge', { n: problems.length })}: ${tooltip}`}
    >
      {problems.length}
    </span>
  );
}
