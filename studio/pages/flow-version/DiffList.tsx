import type { FlowDiff } from '../../../shared/flow/diff.ts';
import type { FlowDocument } from '../../../shared/flow/schema.ts';
import { nodeLabel } from '../../editor/state/search.ts';
import { useT } from '../../i18n/index.ts';

interface DiffListProps {
  diff: FlowDiff;
  /** The published version, where removed and changed blocks are. */
  version: FlowDocument;
  /** The draft, where added blocks are. */
  draft: FlowDocument;
}

/** The draft against a published version, in words: blocks only in the draft, removed, changed. */
export function DiffList({ diff, version, draft }: DiffListProps) {
  const t = useT();
  const label = (flow: FlowDocument, id: string) => {
    const node = flow.nodes.find((n) => n.id === id);
    return node ? nodeLabel(node, t(`editor.node.${node.type}`)) : id;
  };
  const groups = [
    {
      key: 'changed',
      title: t('versions.diff.changed', { count: diff.changed.length }),
      ids: diff.changed,
      from: draft,
    },
    {
      key: 'removed',
      title: t('versions.diff.removed', { count: diff.removed.length }),
      ids: diff.removed,
      from: version,
    },
    { key: 'added', title: t('versions.diff.added', { count: diff.added.length }), ids: diff.added, from: draft },
  ].filter((g) => g.ids.length > 0);

  return (
    <section className="version-diff-list" aria-labelledby="version-diff-title" data-testid="version-diff">
      <h2 id="version-diff-title">{t('versions.diff.title')}</h2>
      {groups.length === 0 ? <p className="muted">{t('versions.diff.none')}</p> : null}
      {groups.map((g) => (
        <div key={g.key} className={`version-diff-group is-${g.key}`} data-testid={`diff-${g.key}`}>
          <h3>{g.title}</h3>
          <ul>
            {g.ids.map((id) => (
              <li key={id} data-node-id={id}>
                {label(g.from, id)}
              </li>
            ))}
          </ul>
        </div>
      ))}
      {diff.flowChanged ? <p className="small muted">{t('versions.diff.settings')}</p> : null}
    </section>
  );
}
