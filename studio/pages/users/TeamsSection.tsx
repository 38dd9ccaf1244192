import { useState } from 'react';
import { teamsApi, type TeamView } from '../../api/teams.ts';
import { useT } from '../../i18n/index.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { errorText } from '../../ui/error-text.ts';
import { ErrorBanner, Loading } from '../../ui/states.tsx';
import { showToast } from '../../ui/toast.tsx';
import { useResource } from '../../ui/use-resource.ts';
import { TeamDialog } from './TeamDialog.tsx';
import './teams.css';

/**
 * Teams the handoff block names: members (with how many conversations each takes at once), the
 * first-reply SLA, and the canned replies the inbox offers to that team's conversations.
 */
export function TeamsSection() {
  const t = useT();
  const data = useResource(
    () => Promise.all([teamsApi.listTeams(), teamsApi.listAgents()]).then(([a, b]) => ({ ...a, ...b })),
    [],
  );
  const [editing, setEditing] = useState<TeamView | 'new' | null>(null);
  const [deleting, setDeleting] = useState<TeamView | null>(null);

  const remove = async (team: TeamView) => {
    await teamsApi.deleteTeam(team.id);
    showToast(t('teamAdmin.deleted', { name: team.name }));
    setDeleting(null);
    data.reload();
  };

  return (
    <section className="stack" aria-labelledby="teams-title" data-testid="teams-section">
      <div className="card-head">
        <h2 id="teams-title">{t('teamAdmin.title')}</h2>
        <button type="button" className="button" onClick={() => setEditing('new')}>
          {t('teamAdmin.new')}
        </button>
      </div>
      <p className="muted">{t('teamAdmin.subtitle')}</p>
      {data.status === 'loading' ? <Loading /> : null}
      {data.status === 'error' ? <ErrorBanner message={errorText(data.error, t)} onRetry={data.reload} /> : null}
      {data.status === 'ready' && data.data.teams.length === 0 ? <p className="muted">{t('teamAdmin.empty')}</p> : null}
      {data.status === 'ready' && data.data.teams.length > 0 ? (
        <table className="table" data-testid="teams">
          <thead>
            <tr>
              <th scope="col">{t('teamAdmin.name')}</th>
              <th scope="col">{t('teamAdmin.members')}</th>
              <th scope="col" className="num">
                {t('teamAdmin.sla')}
              </th>
              <th scope="col" className="num">
                {t('teamAdmin.replies')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.data.teams.map((team) => (
              <tr key={team.id}>
                <td>
                  <strong>{team.name}</strong>
                </td>
                <td>
                  {team.memberIds
                    .map((id) => data.data.agents.find((a) => a.id === id)?.name)
                    .filter(Boolean)
                    .join(', ') || <span className="muted">{t('teamAdmin.noMembers')}</span>}
                </td>
                <td className="num">{t('teamAdmin.minutes', { count: Math.round(team.slaSeconds / 60) })}</td>
                <td className="num">{team.cannedReplies.length}</td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="button small"
                    aria-label={t('teamAdmin.editNamed', { name: team.name })}
                    onClick={() => setEditing(team)}
                  >
                    {t('teamAdmin.edit')}
                  </button>
                  <button
                    type="button"
                    className="button small danger-ghost"
                    aria-label={t('teamAdmin.deleteNamed', { name: team.name })}
                    onClick={() => setDeleting(team)}
                  >
                    {t('teamAdmin.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {editing && data.status === 'ready' ? (
        <TeamDialog
          team={editing === 'new' ? null : editing}
          agents={data.data.agents}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            data.reload();
          }}
        />
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={t('teamAdmin.deleteNamed', { name: deleting.name })}
          message={t('teamAdmin.deleteBody')}
          confirmLabel={t('teamAdmin.delete')}
          danger
          onClose={() => setDeleting(null)}
          onConfirm={() => remove(deleting)}
        />
      ) : null}
    </section>
  );
}
