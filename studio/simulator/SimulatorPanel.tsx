import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { SimulateRequest } from '../../shared/api/simulate.ts';
import type { FlowVariable } from '../../shared/flow/schema.ts';
import { api, type SimulateResult } from '../api/client.ts';
import { useT } from '../i18n/index.ts';
import { errorText } from '../ui/error-text.ts';
import { usePanelFocus } from '../ui/use-panel-focus.ts';
import { CampaignStart } from './CampaignStart.tsx';
import { ChatBubble } from './ChatBubble.tsx';
import { ListSheet } from './ListSheet.tsx';
import { toBotMessage, type BotMessage, type Button, type Row } from './messages.ts';

type NewEntry =
  { from: 'bot'; message: BotMessage } | { from: 'contact'; text: string } | { from: 'system'; text: string };
type Entry = NewEntry & { id: number };

interface SimulatorPanelProps {
  flowId: string;
  /** The draft's declared variables: those with no initial value are offered as campaign test values. */
  variables: FlowVariable[];
  /** Saves pending edits first: the server simulates the saved draft. False stops the run. */
  beforeRun(): Promise<boolean>;
  onNodeChange(nodeId: string | null): void;
  onClose(): void;
}

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
/** Objects (a cart, a financing result) can be long: the row shows the start, the tooltip all of it. */
const clip = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

/** A test contact talking to the draft, in a WhatsApp-like chat. */
export function SimulatorPanel({ flowId, variables: declared, beforeRun, onNodeChange, onClose }: SimulatorPanelProps) {
  const t = useT();
  const [entries, setEntries] = useState<Entry[]>([]);
  const [result, setResult] = useState<SimulateResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [text, setText] = useState('');
  const [sheet, setSheet] = useState<Extract<BotMessage, { kind: 'list' }> | null>(null);
  // Closed: what the bot sends on its own (start, timers) finds the 24-hour window closed.
  const [windowClosed, setWindowClosed] = useState(false);
  const nextId = useRef(1);
  // Each restart is a new run; answers from an older run (a slow request, React's dev double-mount) are dropped.
  const run = useRef(0);
  const chat = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const title = usePanelFocus<HTMLHeadingElement>();

  const append = (items: NewEntry[]) =>
    setEntries((current) => [...current, ...items.map((item): Entry => ({ ...item, id: nextId.current++ }))]);

  const send = useCallback(
    async (request: SimulateRequest, shown: string | null) => {
      const mine = run.current;
      setBusy(true);
      if (shown) append([{ from: 'contact', text: shown }]);
      try {
        if (!(await beforeRun())) {
          append([{ from: 'system', text: t('sim.saveFirst') }]);
          return;
        }
        const answer = await api.simulate(flowId, windowClosed ? { ...request, windowClosed: true } : request);
        if (mine !== run.current) return;
        setResult(answer);
        onNodeChange(answer.status === 'ended' ? null : answer.nodeId);
        const bot: NewEntry[] = answer.messages.map((m) => ({ from: 'bot', message: toBotMessage(m) }));
        if (answer.error) bot.push({ from: 'system', text: answer.error });
        if (answer.status === 'handoff') bot.push({ from: 'system', text: t('sim.handoff') });
        if (answer.status === 'ended') bot.push({ from: 'system', text: t('sim.ended') });
        append(bot);
      } catch (err) {
        if (mine === run.current) append([{ from: 'system', text: errorText(err, t) }]);
      } finally {
        if (mine === run.current) setBusy(false);
      }
      // `append` only touches a ref and a state setter, so it is left out.
    },
    [flowId, beforeRun, onNodeChange, t, windowClosed],
  );

  // As on WhatsApp, the contact speaks first: opening (or restarting) shows an empty chat, and
  // the first message sent starts a new session and is what the start block sees, not an
  // answer to a question the bot has not asked yet.
  const restart = useCallback(() => {
    run.current += 1;
    setEntries([]);
    setResult(null);
    setBusy(false);
    onNodeChange(null);
  }, [onNodeChange]);

  useEffect(() => () => onNodeChange(null), [onNodeChange]);

  // Scroll the chat itself: scrollIntoView would scroll the whole page along with it.
  useEffect(() => {
    const box = chat.current;
    if (box) box.scrollTop = box.scrollHeight;
  }, [entries, busy]);

  const sessionId = result?.sessionId;
  // No session yet counts as active: the next message starts one.
  const active = result === null || result.status !== 'ended';
  const reply = (choice: Button | Row) => {
    setSheet(null);
    void send({ sessionId, reply: { id: choice.id, title: choice.title } }, choice.title);
    // The chosen button is disabled while the bot answers, which would drop the focus: keep it in the composer.
    requestAnimationFrame(() => input.current?.focus());
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = text.trim();
    if (!value) return;
    setText('');
    void send({ sessionId, text: value }, value);
  };

  const variables = Object.entries(result?.variables ?? {});
  const campaignVariables = declared.filter((v) => v.initial === null);
  return (
    <aside className="side-panel simulator" aria-label={t('sim.title')} data-testid="simulator">
      <header className="side-panel-header">
        <h2 ref={title} tabIndex={-1}>
          {t('sim.title')}
        </h2>
        <div className="row-actions">
          <button type="button" className="button small" onClick={restart} disabled={busy}>
            {t('sim.restart')}
          </button>
          <button type="button" className="icon-button" aria-label={t('common.close')} onClick={onClose}>
            ×
          </button>
        </div>
      </header>
      <label className="sim-window" data-testid="sim-window">
        <input type="checkbox" checked={windowClosed} onChange={(e) => setWindowClosed(e.target.checked)} />
        <span>{t('sim.windowClosed')}</span>
      </label>
      <div className="phone">
        <div className="phone-top">
          <span className="avatar" aria-hidden="true">
            🤖
          </span>
          {t('sim.contactName')}
        </div>
        <div className="chat" ref={chat} role="log" aria-live="polite" aria-busy={busy} data-testid="sim-chat">
          {entries.length === 0 && !busy ? (
            <p className="chat-note" data-testid="sim-hint">
              {t('sim.startHint')}
            </p>
          ) : null}
          {entries.length === 0 && !busy && (campaignVariables.length > 0 || windowClosed) ? (
            // A request with no text starts the flow unprompted, with these values, as a campaign does.
            <CampaignStart
              variables={campaignVariables}
              disabled={busy}
              onStart={(values) => void send({ variables: values }, null)}
            />
          ) : null}
          {entries.map((entry) => {
            if (entry.from === 'contact')
              return (
                <div key={entry.id} className="bubble contact">
                  {entry.text}
                </div>
              );
            if (entry.from === 'system')
              return (
                <div key={entry.id} className="chat-note" data-testid="sim-note">
                  {entry.text}
                </div>
              );
            return (
              <ChatBubble
                key={entry.id}
                message={entry.message}
                disabled={busy || !active}
                onReply={reply}
                onOpenList={setSheet}
              />
            );
          })}
          {busy ? (
            <div className="typing" aria-label={t('sim.typing')}>
              <span />
              <span />
              <span />
            </div>
          ) : null}
        </div>
        {result?.status === 'handoff' || result?.timerPending ? (
          <div className="sim-controls">
            {result.timerPending ? (
              <button
                type="button"
                className="button small"
                disabled={busy}
                onClick={() => void send({ sessionId, fireTimer: true }, null)}
              >
                ⏱ {t('sim.fireTimer')}
              </button>
            ) : null}
            {result.status === 'handoff' ? (
              <button
                type="button"
                className="button small"
                disabled={busy}
                onClick={() => void send({ sessionId, resolveHandoff: true }, null)}
              >
                ✓ {t('sim.resolveHandoff')}
              </button>
            ) : null}
          </div>
        ) : null}
        <form className="composer" onSubmit={submit}>
          <label className="visually-hidden" htmlFor="sim-input">
            {t('sim.inputLabel')}
          </label>
          <input
            id="sim-input"
            ref={input}
            autoComplete="off"
            placeholder={active ? t('sim.placeholder') : t('sim.placeholderEnded')}
            value={text}
            disabled={!active}
            onChange={(e) => setText(e.target.value)}
          />
          <button
            type="submit"
            className="send-button"
            aria-label={t('sim.send')}
            disabled={busy || !active || !text.trim()}
          >
            ➤
          </button>
        </form>
      </div>
      <section className="variables" aria-label={t('sim.variables', { count: variables.length })}>
        <h3>{t('sim.variables', { count: variables.length })}</h3>
        {variables.length === 0 ? (
          <p className="muted small">{t('sim.noVariables')}</p>
        ) : (
          <dl data-testid="sim-variables">
            {variables.map(([name, value]) => (
              <div key={name} className="variable-row">
                <dt>{name}</dt>
                <dd title={show(value)}>{clip(show(value))}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
      {sheet ? <ListSheet message={sheet} onPick={reply} onClose={() => setSheet(null)} /> : null}
    </aside>
  );
}
