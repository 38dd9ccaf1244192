import { memo, useMemo } from 'react';
import { ruleHandle } from '../../../shared/flow/nodes/outputs.ts';
import { useT } from '../../i18n/index.ts';
import { TemplateText } from '../../preview/TemplateText.tsx';
import { NodeShell } from '../NodeShell.tsx';
import { sameFace, type FlowNodeProps } from '../node-props.ts';

const unary = new Set(['empty', 'not_empty']);

export const ConditionNode = memo(function ConditionNode({ id, data, selected }: FlowNodeProps<'condition'>) {
  const t = useT();
  const outputs = useMemo(
    () => [
      ...data.rules.map((r) => ({
        handle: ruleHandle(r.id),
        label: (
          <>
            <span className="fx-var-chip">{r.variable}</span> {t(`editor.choice.op.${r.operator}`)}{' '}
            {!unary.has(r.operator) && <strong><TemplateText text={r.value || '""'} /></strong>}
          </>
        ),
      })),
      { handle: 'else', label: t('editor.output.else') },
    ],
    [data.rules, t],
  );
  return (
    <NodeShell id={id} type="condition" data={data} selected={selected} outputs={outputs}>
      {data.rules.length === 0 && <p className="fx-muted">{t('editor.face.noRules')}</p>}
    </NodeShell>
  );
}, sameFace);
