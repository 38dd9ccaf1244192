import { useEffect, useState } from 'react';
import { renderTemplate } from '../../../shared/template/render.ts';
import { teamsApi, type TeamView } from '../../api/teams.ts';
import { useT } from '../../i18n/index.ts';

interface CannedRepliesProps {
  teamId: string | null;
  /** The conversation's variables, filled into the reply's `{{variables}}`. */
  variables: Record<string, unknown>;
  disabled: boolean;
  onPick(text: string): void;
}

/** The team's canned replies: picking one puts its text, variables filled in, in the reply box to edit or send. */
export function CannedReplies({ teamId, variables, disabled, onPick }: CannedRepliesProps) {
  const t = useT();
  const [team, setTeam] = useState<TeamView | null>(null);
  useEffect(() => {
    if (!teamId) return;
    void teamsApi
      .listTeams()
      .then((r) => setTeam(r.teams.find((x) => x.id === teamId) ?? null))
      .catch(() => undefined);
  }, [teamId]);
  if (!team || team.cannedReplies.length === 0) return null;
  return (
    <select
      className="fx-input fx-select inbox-canned"
      aria-label={t('inbox.canned.label')}
      data-testid="canned-replies"
      value=""
      disabled={disabled}
      onChange={(e) => {
        const reply = team.cannedReplies.find((r) => r.id === e.target.value);
        if (reply) onPick(renderTemplate(reply.text, variables));
      }}
    >
      <option value="">{t('inbox.canned.pick')}</option>
      {team.cannedReplies.map((r) => (
        <option key={r.id} value={r.id}>
          {r.title}
        </option>
      ))}
    </select>
  );
}
