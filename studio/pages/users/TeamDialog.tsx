import { useState, type FormEvent } from 'react';
import { teamsApi, type InboxAgent, type TeamView } from '../../api/teams.ts';
import { useT } from '../../i18n/index.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { errorText } from '../../ui/error-text.ts';
import { showToast } from '../../ui/toast.tsx';
import { FormFooter } from '../../ui/FormFooter.tsx';

interface TeamDialogProps {
  /** null: a new team. */
  team: TeamView | null;
  agents: readonly InboxAgent[];
  onClose(): void;
  onSaved(): void;
}

interface ReplyDraft {
  key: number;
  title: string;
  text: string;
}

/** Creates or edits a team: name, SLA in minutes, members and their capacity, canned replies. */
export function TeamDialog({ team, agents, onClose, onSaved }: TeamDialogProps) {
  const t = useT();
  const [name, setName] = useState(team?.name ?? '');
  const [slaMinutes, setSlaMinutes] = useState(team ? Math.round(team.slaSeconds / 60) : 5);
  const [members, setMembers] = useState<string[]>(team?.memberIds ?? []);
  const [capacities, setCapacities] = useState<Record<string, number>>(() =>
    Object.fromEntries(agents.map((a) => [a.id, a.capacity])),
  );
  const [replies, setReplies] = useState<ReplyDraft[]>(
    () => team?.cannedReplies.map((r, key) => ({ key, title: r.title, text: r.text })) ?? [],
  );
  const [nextKey, setNextKey] = useState(replies.length);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const toggle = (id: string, on: boolean) =>
    setMembers((current) => (on ? [...current, id] : current.filter((m) => m !== id)));
  const editReply = (key: number, change: Partial<ReplyDraft>) =>
    setReplies((current) => current.map((r) => (r.key === key ? { ...r, ...change } : r)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const body = {
      name,
      slaSeconds: slaMinutes * 60,
      memberIds: members,
      cannedReplies: replies.map(({ title, text }) => ({ title, text })),
    };
    try {
      if (team) await teamsApi.updateTeam(team.id, body);
      else await teamsApi.createTeam(body);
      // Capacity belongs to the person, across all their teams: only the changed ones are sent.
      for (const agent of agents) {
        const capacity = capacities[agent.id];
        if (members.includes(agent.id) && capacity !== undefined && capacity !== agent.capacity)
          await teamsApi.setCapacity(agent.id, { capacity });
      }
      showToast(t('teamAdmin.saved', { name }));
      onSaved();
    } catch (err) {
      setError(errorText(err, t));
      setBusy(false);
    }
  };

  return (
    <Dialog title={team ? team.name : t('teamAdmin.new')} onClose={onClose} size="large" testId="team-form">
      <form className="stack" onSubmit={submit}>
        <label className="field">
          <span>{t('teamAdmin.name')}</span>
          <input required maxLength={60} value={name} onChange={(e) => setName(e.target.value)} />
          <small className="muted">{t('teamAdmin.nameHelp')}</small>
        </label>
        <label className="field">
          <span>{t('teamAdmin.slaMinutes')}</span>
          <input
            type="number"
            required
            min={1}
            max={1440}
            value={slaMinutes}
            onChange={(e) => setSlaMinutes(Number(e.target.value))}
          />
        </label>
        <fieldset className="field">
          <legend>{t('teamAdmin.members')}</legend>
          {agents.length === 0 ? <p className="muted small">{t('teamAdmin.noAgents')}</p> : null}
          {agents.map((agent) => (
            <div key={agent.id} className="team-member-row">
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={members.includes(agent.id)}
                  onChange={(e) => toggle(agent.id, e.target.checked)}
                />
                <span>
                  {agent.name} <span className="muted small">({t(`role.${agent.role}`)})</span>
                </span>
              </label>
              <label className="team-capacity">
                <span className="muted small">{t('presence.capacity')}</span>
                <input
                  type="number"
                  min={1}
                  max={50}
                  disabled={!members.includes(agent.id)}
                  aria-label={t('teamAdmin.capacityOf', { name: agent.name })}
                  value={capacities[agent.id] ?? agent.capacity}
                  onChange={(e) => setCapacities({ ...capacities, [agent.id]: Number(e.target.value) })}
                />
              </label>
            </div>
          ))}
        </fieldset>
        <fieldset className="field">
          <legend>{t('teamAdmin.replies')}</legend>
          <small className="muted">{t('teamAdmin.repliesHelp')}</small>
          {replies.map((reply, index) => (
            <div key={reply.key} className="team-reply stack">
              <input
                required
                maxLength={80}
                aria-label={t('teamAdmin.replyTitle', { n: index + 1 })}
                placeholder={t('teamAdmin.replyTitlePlaceholder')}
                value={reply.title}
                onChange={(e) => editReply(reply.key, { title: e.target.value })}
              />
              <textarea
                required
                rows={2}
                maxLength={4096}
                aria-label={t('teamAdmin.replyText', { n: index + 1 })}
                placeholder={t('teamAdmin.replyTextPlaceholder')}
                value={reply.text}
                onChange={(e) => editReply(reply.key, { text: e.target.value })}
              />
              <button
                type="button"
                className="button small danger-ghost"
                onClick={() => setReplies(replies.filter((r) => r.key !== reply.key))}
              >
                {t('teamAdmin.removeReply')}
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button small"
            onClick={() => {
              setReplies([...replies, { key: nextKey, title: '', text: '' }]);
              setNextKey(nextKey + 1);
            }}
          >
            {t('teamAdmin.addReply')}
          </button>
        </fieldset>
        <FormFooter error={error} busy={busy} onCancel={onClose} submitLabel={t('teamAdmin.save')} />
      </form>
    </Dialog>
  );
}
