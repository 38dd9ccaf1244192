import { useState, type FormEvent } from 'react';
import type { Role } from '../../shared/api/common.ts';
import { api, type ManagedUser } from '../api/client.ts';
import { useSession } from '../api/session.ts';
import { useT, type MessageKey } from '../i18n/index.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { errorText } from '../ui/error-text.ts';
import { ErrorBanner, Loading } from '../ui/states.tsx';
import { showToast } from '../ui/toast.tsx';
import { useResource } from '../ui/use-resource.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { TeamsSection } from './users/TeamsSection.tsx';
import { TokensSection } from './users/TokensSection.tsx';
import { FormFooter } from '../ui/FormFooter.tsx';

// A record, so the compiler insists on every role; importing the zod enum would put zod in the first page load.
const roleHelp = {
  admin: 'role.admin.help',
  editor: 'role.editor.help',
  supervisor: 'role.supervisor.help',
  agent: 'role.agent.help',
} as const satisfies Record<Role, MessageKey>;
const roles = Object.keys(roleHelp) as Role[];

export function UsersPage() {
  const t = useT();
  const me = useSession((s) => s.session.user);
  const users = useResource(() => api.listUsers().then((r) => r.users), []);
  const [creating, setCreating] = useState(false);

  const change = async (user: ManagedUser, body: { role?: Role; disabled?: boolean }) => {
    try {
      await api.updateUser(user.id, body);
      showToast(t('users.updated', { name: user.name || user.email }));
    } catch (err) {
      showToast(errorText(err, t), 'error');
    }
    users.reload();
  };

  return (
    <section className="page">
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        actions={
          <button type="button" className="button primary" onClick={() => setCreating(true)}>
            {t('users.new')}
          </button>
        }
      />
      {users.status === 'loading' ? <Loading /> : null}
      {users.status === 'error' ? <ErrorBanner message={errorText(users.error, t)} onRetry={users.reload} /> : null}
      {users.status === 'ready' ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('users.name')}</th>
              <th scope="col">{t('users.role')}</th>
              <th scope="col">{t('users.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.data.map((user) => {
              const self = user.id === me?.id;
              return (
                <tr key={user.id} className={user.disabled ? 'inactive' : undefined}>
                  <td>
                    <strong>{user.name || user.email}</strong>
                    <div className="muted small">{user.email}</div>
                  </td>
                  <td>
                    <label className="visually-hidden" htmlFor={`role-${user.id}`}>
                      {t('users.roleOf', { name: user.email })}
                    </label>
                    <select
                      id={`role-${user.id}`}
                      value={user.role}
                      disabled={self}
                      onChange={(e) => change(user, { role: roles.find((r) => r === e.target.value) ?? user.role })}
                    >
                      {roles.map((r) => (
                        <option key={r} value={r}>
                          {t(`role.${r}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    {user.disabled ? (
                      <span className="pill danger">{t('users.disabled')}</span>
                    ) : (
                      <span className="pill success">{t('users.active')}</span>
                    )}
                  </td>
                  <td className="row-actions">
                    {self ? (
                      <span className="muted small">{t('users.you')}</span>
                    ) : (
                      <button
                        type="button"
                        className="button small"
                        onClick={() => change(user, { disabled: !user.disabled })}
                      >
                        {user.disabled ? t('users.enable') : t('users.disable')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {creating ? (
        <CreateUserDialog
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            users.reload();
          }}
        />
      ) : null}
      <TeamsSection />
      <TokensSection />
    </section>
  );
}

function CreateUserDialog({ onClose, onCreated }: { onClose(): void; onCreated(): void }) {
  const t = useT();
  const [form, setForm] = useState({ email: '', name: '', password: '', role: 'editor' as Role });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.createUser(form);
      showToast(t('users.created', { email: form.email }));
      onCreated();
    } catch (err) {
      setError(errorText(err, t));
      setBusy(false);
    }
  };
  return (
    <Dialog title={t('users.new')} onClose={onClose} testId="user-form">
      <form className="stack" onSubmit={submit}>
        <label className="field">
          <span>{t('users.email')}</span>
          <input
            type="email"
            required
            autoComplete="off"
            value={form.email}
            onChange={(e) => setForm({ ...form, email: e.target.value })}
          />
        </label>
        <label className="field">
          <span>{t('users.name')}</span>
          <input maxLength={120} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('users.password')}</span>
          <input
            type="password"
            required
            minLength={10}
            autoComplete="new-password"
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.target.value })}
          />
          <small className="muted">{t('users.passwordHelp')}</small>
        </label>
        <fieldset className="field">
          <legend>{t('users.role')}</legend>
          {roles.map((r) => (
            <label key={r} className="radio">
              <input
                type="radio"
                name="role"
                value={r}
                checked={form.role === r}
                onChange={() => setForm({ ...form, role: r })}
              />
              <span>
                <strong>{t(`role.${r}`)}</strong> — <span className="muted">{t(roleHelp[r])}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <FormFooter error={error} busy={busy} onCancel={onClose} submitLabel={t('users.create')} />
      </form>
    </Dialog>
  );
}
