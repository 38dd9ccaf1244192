import { memo } from 'react';
import { useT } from '../../i18n/index.ts';
import { TemplateText } from '../../preview/TemplateText.tsx';
import { NodeShell } from '../NodeShell.tsx';
import { useFixedOutputs } from '../use-fixed-outputs.ts';
import { sameFace, type FlowNodeProps } from '../node-props.ts';

export const FinancingNode = memo(function FinancingNode({ id, data, selected }: FlowNodeProps<'financing'>) {
  const outputs = useFixedOutputs('financing');
  const t = useT();
  return (
    <NodeShell id={id} type="financing" data={data} selected={selected} outputs={outputs}>
      <dl className="fx-facts">
        <dt>{t('editor.field.system')}</dt>
        <dd>{t(`editor.choice.system.${data.system}`)}</dd>
        <dt>{t('editor.field.price')}</dt>
        <dd>
          <TemplateText text={String(data.price)} />
        </dd>
        <dt>{t('editor.field.rate')}</dt>
        <dd>
          {t('editor.face.rate', { rate: String(data.rate), period: t(`editor.choice.period.${data.ratePeriod}`) })}
        </dd>
        <dt>{t('editor.field.termMonths')}</dt>
        <dd>
          {typeof data.termMonths === 'number' ? (
            t('editor.face.term', { n: data.termMonths })
          ) : (
            <TemplateText text={data.termMonths} />
          )}
        </dd>
      </dl>
    </NodeShell>
  );
}, sameFace);
