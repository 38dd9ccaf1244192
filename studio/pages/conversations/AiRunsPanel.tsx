import { useEffect, useState } from 'react';
import type { AiRunView } from '../../../shared/api/ai-runs.ts';
import { api } from '../../api/client.ts';
import { useT } from '../../i18n/index.ts';

const json = (value: unknown) => JSON.stringify(value, null, 1);

/**
 * What the AI agent did in this conversation, for the operator only: each turn's outcome,
 * tokens, estimated cost and tool calls with their arguments and results. Nothing when the
 * conversation never met an agent block.
 */
export function AiRunsPanel({ conversationId, version }: { conversationId: string; version: number }) {
  const t = useT();
  const [runs, setRuns] = useState<AiRunView[]>([]);
  useEffect(() => {
    let live = true;
    api.conversationAiRuns(conversationId).then(
      (data) => live && setRuns(data.runs),
      () => live && setRuns([]),
    );
    return () => {
      live = false;
    };
  }, [conversationId, version]);
  if (runs.length === 0) return null;
  const tokens = runs.reduce((s, r) => s + r.inputTokens + r.outputTokens, 0);
  const cost = runs.reduce((s, r) => s + r.costUsd, 0);
  return (
    <section data-testid="conv-ai-runs">
      <h3>{t('agent.runs')}</h3>
      <p className="muted small">{t('agent.runs.total', { tokens, cost: cost.toFixed(4) })}</p>
      {runs.map((r) => (
        <details key={r.id} className="conv-ai-run">
          <summary>
            {new Date(r.at).toLocaleTimeString()} · {t(`agent.outcome.${r.outcome}` as 'agent.outcome.reply')}
            {r.error ? ` (${r.error})` : ''} ·{' '}
            {t('agent.runs.spent', {
              tokens: r.inputTokens + r.outputTokens,
              input: r.inputTokens,
              output: r.outputTokens,
              cost: r.costUsd.toFixed(4),
            })}
            {r.toolCalls.length > 0 ? ` · ${t('agent.runs.tools', { n: r.toolCalls.length })}` : ''}
          </summary>
          <p className="muted small">{[r.provider, r.model].filter(Boolean).join(' · ')}</p>
          {r.toolCalls.length === 0 ? (
            <p className="muted small">{t('agent.runs.noTools')}</p>
          ) : (
            <ol>
              {r.toolCalls.map((c, i) => (
                <li key={i} data-testid="conv-ai-tool-call">
                  <strong>{c.name}</strong>
                  <div className="muted small">{t('agent.runs.arguments')}</div>
                  <pre style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{json(c.input)}</pre>
                  <div className="muted small">{c.error ? t('agent.runs.error') : t('agent.runs.result')}</div>
                  <pre style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{c.error ?? json(c.output)}</pre>
                </li>
              ))}
            </ol>
          )}
        </details>
      ))}
    </section>
  );
}
