import { useEffect, useState } from 'react';
import { renderTemplate } from '../../../shared/template/render.ts';
import { teamsApi, type TeamView } from '../../api/teams.ts';
import { useT } from '../../i18n/index.ts';

export type CannedReply = TeamView['cannedReplies'][number];

/** The canned replies of the conversation's team (none without a team). */
export function useCannedReplies(teamId: string | null): readonly CannedReply[] {
  const [replies, setReplies] = useState<readonly CannedReply[]>([]);
  useEffect(() => {
    if (!teamId) return;
    let live = true;
    void teamsApi
      .listTeams()
      .then((r) => live && setReplies(r.teams.find((x) => x.id === teamId)?.cannedReplies ?? []))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [teamId]);
  return replies;
}

export const fillReply = (reply: CannedReply, variables: Record<string, unknown>) =>
  renderTemplate(reply.text, variables);

interface CannedRepliesProps {
  replies: readonly CannedReply[];
  /** The conversation's variables, filled into the reply's `{{variables}}`. */
  variables: Record<string, unknown>;
  disabled: boolean;
  onPick(text: string): void;
}

/** The team's canned replies: picking one puts its text, variables filled in, in the reply box to edit or send. */
export function CannedReplies({ replies, variables, disabled, onPick }: CannedRepliesProps) {
  const t = useT();
  if (replies.length === 0) return null;
  return (
    <select
      className="fx-input fx-select inbox-canned"
      aria-label={t('inbox.canned.label')}
      data-testid="canned-replies"
      value=""
      disabled={disabled}
      onChange={(e) => {
        const reply = replies.find((r) => r.id === e.target.value);
        if (reply) onPick(fillReply(reply, variables));
      }}
    >
      <option value="">{t('inbox.canned.pick')}</option>
      {replies.map((r) => (
        <option key={r.id} value={r.id}>
          {r.title}
        </option>
      ))}
    </select>
  );
}
