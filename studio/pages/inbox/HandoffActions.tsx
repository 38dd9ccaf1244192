import { useState, type FormEvent } from 'react';
import type { Handoff } from '../../api/client.ts';
import { teamsApi } from '../../api/teams.ts';
import { useT } from '../../i18n/index.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { errorText } from '../../ui/error-text.ts';
import { showToast } from '../../ui/toast.tsx';
import { useResource } from '../../ui/use-resource.ts';
import type { Holder } from './reply-state.ts';

interface HandoffActionsProps {
  handoff: Handoff;
  holder: Holder;
  /** Supervisors and admins: reopen a resolved conversation. */
  supervises: boolean;
  onChanged(): void;
}

type Open = 'none' | 'transfer' | 'note' | 'reopen';

/** Team work on a conversation: transfer (to a person or a team's queue) with a note, internal notes, reopening. */
export function HandoffActions({ handoff, holder, supervises, onChanged }: HandoffActionsProps) {
  const t = useT();
  const [open, setOpen] = useState<Open>('none');
  const close = () => setOpen('none');
  const done = (message: string) => {
    showToast(message);
    close();
    onChanged();
  };
  return (
    <>
      {holder !== 'closed' ? (
        <button type="button" className="button" onClick={() => setOpen('transfer')}>
          {t('teamWork.transfer')}
        </button>
      ) : null}
      <button type="button" className="button" onClick={() => setOpen('note')}>
        {t('teamWork.note')}
      </button>
      {holder === 'closed' && supervises ? (
        <button type="button" className="button" onClick={() => setOpen('reopen')}>
          {t('teamWork.reopen')}
        </button>
      ) : null}
      {open === 'transfer' ? (
        <TransferDialog handoff={handoff} onClose={close} onDone={() => done(t('teamWork.transferred'))} />
      ) : null}
      {open === 'note' ? (
        <TextDialog
          title={t('teamWork.note')}
          help={t('teamWork.noteHelp')}
          required
          submitLabel={t('teamWork.saveNote')}
          onClose={close}
          onSubmit={(text) => teamsApi.addNote(handoff.id, { text }).then(() => done(t('teamWork.noted')))}
        />
      ) : null}
      {open === 'reopen' ? (
        <TextDialog
          title={t('teamWork.reopen')}
          help={t('teamWork.reopenHelp')}
          submitLabel={t('teamWork.reopen')}
          onClose={close}
          onSubmit={(text) =>
            teamsApi.reopen(handoff.id, text ? { text } : {}).then(() => done(t('teamWork.reopened')))
          }
        />
      ) : null}
    </>
  );
}

function TextDialog(props: {
  title: string;
  help: string;
  required?: boolean;
  submitLabel: string;
  onClose(): void;
  onSubmit(text: string): Promise<void>;
}) {
  const t = useT();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await props.onSubmit(text.trim());
    } catch (err) {
      setError(errorText(err, t));
      setBusy(false);
    }
  };
  return (
    <Dialog title={props.title} onClose={props.onClose} size="small" testId="handoff-text-dialog">
      <form className="stack" onSubmit={submit}>
        <label className="field">
          <span>{t('teamWork.text')}</span>
          <textarea
            rows={3}
            maxLength={2000}
            required={props.required}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <small className="muted">{props.help}</small>
        </label>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t('common.working') : props.submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function TransferDialog({ handoff, onClose, onDone }: { handoff: Handoff; onClose(): void; onDone(): void }) {
  const t = useT();
  const options = useResource(
    () => Promise.all([teamsApi.listTeams(), teamsApi.listAgents()]).then(([a, b]) => ({ ...a, ...b })),
    [],
  );
  // `team:<id>` or `user:<id>`, so one select offers both.
  const [target, setTarget] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const [kind, id = ''] = target.split(':');
    setBusy(true);
    try {
      await teamsApi.transfer(handoff.id, kind === 'team' ? { teamId: id, note } : { userId: id, note });
      onDone();
    } catch (err) {
      setError(errorText(err, t));
      setBusy(false);
    }
  };
  return (
    <Dialog title={t('teamWork.transfer')} onClose={onClose} size="small" testId="transfer-dialog">
      <form className="stack" onSubmit={submit}>
        <label className="field">
          <span>{t('teamWork.to')}</span>
          <select required value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">{t('teamWork.pickTarget')}</option>
            {options.data ? (
              <>
                <optgroup label={t('teamWork.teams')}>
                  {options.data.teams.map((team) => (
                    <option key={team.id} value={`team:${team.id}`}>
                      {team.name}
                    </option>
                  ))}
                </optgroup>
                <optgroup label={t('teamWork.people')}>
                  {options.data.agents
                    .filter((a) => a.id !== handoff.assignedUserId)
                    .map((a) => (
                      <option key={a.id} value={`user:${a.id}`}>
                        {t('teamWork.personOption', {
                          name: a.name,
                          status: t(`presence.${a.status}`),
                          open: a.openCount,
                          capacity: a.capacity,
                        })}
                      </option>
                    ))}
                </optgroup>
              </>
            ) : null}
          </select>
        </label>
        <label className="field">
          <span>{t('teamWork.transferNote')}</span>
          <textarea rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
          <small className="muted">{t('teamWork.noteHelp')}</small>
        </label>
        {error || options.status === 'error' ? (
          <p className="form-error" role="alert">
            {error ?? errorText(options.error, t)}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={busy || !target}>
            {busy ? t('common.working') : t('teamWork.transfer')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
