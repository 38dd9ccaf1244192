import { useEffect, useState, type FormEvent } from 'react';
import { contactsApi, type Contact } from '../../api/contacts.ts';
import { useT } from '../../i18n/index.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { errorText } from '../../ui/error-text.ts';
import { Link } from '../../ui/router.ts';
import { ErrorBanner, Loading } from '../../ui/states.tsx';
import { showToast } from '../../ui/toast.tsx';
import { useResource } from '../../ui/use-resource.ts';
import { formatPhone } from '../inbox/phone.ts';
import { fieldText, whenText } from './format.ts';

interface ContactDrawerProps {
  contactId: string;
  labels: Record<string, string>;
  isAdmin: boolean;
  onChanged(): void;
  onErased(): void;
  onClose(): void;
}

/** One contact, docked at the side (full screen on phones): tags, fields and opt-out save as they change. */
export function ContactDrawer({ contactId, labels, isAdmin, onChanged, onErased, onClose }: ContactDrawerProps) {
  const t = useT();
  const loaded = useResource(() => contactsApi.get(contactId).then((r) => r.contact), [contactId]);
  const [contact, setContact] = useState<Contact | null>(null);
  const [erasing, setErasing] = useState(false);
  useEffect(() => {
    if (loaded.data) setContact(loaded.data);
  }, [loaded.data]);

  const save = async (body: Parameters<typeof contactsApi.update>[1]) => {
    try {
      const { contact: saved } = await contactsApi.update(contactId, body);
      setContact(saved);
      showToast(t('contacts.saved'));
      onChanged();
    } catch (err) {
      showToast(errorText(err, t), 'error');
    }
  };
  const name = contact ? contact.name || t('contacts.unnamed') : t('contacts.detail');

  return (
    <Dialog title={name} onClose={onClose} size="medium" className="contact-drawer" testId="contact-drawer">
      {loaded.status === 'loading' ? <Loading /> : null}
      {loaded.status === 'error' ? <ErrorBanner message={errorText(loaded.error, t)} onRetry={loaded.reload} /> : null}
      {contact ? (
        <div className="stack">
          <dl className="facts">
            <div>
              <dt>{t('contacts.phone')}</dt>
              <dd>{contact.phone ? formatPhone(contact.phone) : '—'}</dd>
            </div>
            <div>
              <dt>{t('contacts.lastActivity')}</dt>
              <dd>{whenText(contact.lastActivityAt) ?? t('contacts.never')}</dd>
            </div>
            <div>
              <dt>{t('contacts.currentFlow')}</dt>
              <dd>
                {contact.session
                  ? `${contact.session.flowName ?? contact.session.flowId} · ${contact.session.nodeId ?? ''}`
                  : t('contacts.noFlow')}
              </dd>
            </div>
          </dl>
          <Link to={`/conversations/${encodeURIComponent(contact.id)}`} className="button small">
            {t('contacts.conversation')}
          </Link>
          <TagsEditor tags={contact.tags} onChange={(tags) => save({ tags })} />
          <FieldsEditor fields={contact.fields} labels={labels} onChange={(fields) => save({ fields })} />
          <label className="checkbox">
            <input
              type="checkbox"
              checked={contact.optedOutAt !== null}
              onChange={(e) => save({ optedOut: e.target.checked })}
            />
            <span>{t('contacts.optOutToggle')}</span>
          </label>
          {isAdmin ? (
            <section className="contact-lgpd">
              <h3>{t('contacts.lgpd')}</h3>
              <div className="row-actions">
                <a
                  className="button small"
                  href={contactsApi.lgpdExportUrl(contact.id)}
                  download={`contato-${contact.id}.json`}
                >
                  {t('contacts.lgpdExport')}
                </a>
                <button type="button" className="button small danger" onClick={() => setErasing(true)}>
                  {t('contacts.erase')}
                </button>
              </div>
            </section>
          ) : null}
        </div>
      ) : null}
      {erasing && contact ? (
        <ConfirmDialog
          title={t('contacts.erase')}
          message={t('contacts.eraseMessage', { word: t('contacts.eraseWord') })}
          confirmLabel={t('contacts.erase')}
          typeToConfirm={t('contacts.eraseWord')}
          danger
          onConfirm={async () => {
            await contactsApi.erase(contact.id);
            showToast(t('contacts.erased'));
            onErased();
          }}
          onClose={() => setErasing(false)}
        />
      ) : null}
    </Dialog>
  );
}

function TagsEditor({ tags, onChange }: { tags: string[]; onChange(tags: string[]): void }) {
  const t = useT();
  const [draft, setDraft] = useState('');
  const add = (event: FormEvent) => {
    event.preventDefault();
    const tag = draft.trim();
    if (!tag) return;
    setDraft('');
    if (!tags.includes(tag)) onChange([...tags, tag]);
  };
  return (
    <section>
      <h3>{t('contacts.tags')}</h3>
      <div className="contact-tags">
        {tags.map((tag) => (
          <span key={tag} className="pill tag-chip">
            {tag}
            <button
              type="button"
              className="chip-remove"
              aria-label={t('contacts.removeTag', { tag })}
              onClick={() => onChange(tags.filter((x) => x !== tag))}
            >
              ×
            </button>
          </span>
        ))}
      </div>
      <form className="inline-form" onSubmit={add}>
        <input
          aria-label={t('contacts.addTag')}
          placeholder={t('contacts.addTag')}
          maxLength={40}
          value={draft}
          onChange={(e) => setDraft(e.target.value.replace(/[,;]/g, ''))}
          data-testid="tag-input"
        />
        <button type="submit" className="button small">
          {t('common.add')}
        </button>
      </form>
    </section>
  );
}

type Fields = Contact['fields'];

function FieldsEditor({
  fields,
  labels,
  onChange,
}: {
  fields: Fields;
  labels: Record<string, string>;
  onChange(fields: Fields): void;
}) {
  const t = useT();
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const add = (event: FormEvent) => {
    event.preventDefault();
    const key = name.trim();
    if (!key) return;
    setName('');
    setValue('');
    onChange({ ...fields, [key]: value });
  };
  const entries = Object.entries(fields);
  return (
    <section>
      <h3>{t('contacts.fields')}</h3>
      {entries.length === 0 ? <p className="muted small">{t('contacts.noFields')}</p> : null}
      <ul className="contact-field-list">
        {entries.map(([key, v]) => (
          <li key={`${key}:${fieldText(v)}`}>
            <label className="field">
              <span>{labels[key] ?? key}</span>
              <input
                defaultValue={fieldText(v)}
                maxLength={1000}
                onBlur={(e) => {
                  if (e.target.value !== fieldText(v)) onChange({ ...fields, [key]: e.target.value });
                }}
              />
            </label>
            <button
              type="button"
              className="chip-remove"
              aria-label={`${t('common.delete')} ${labels[key] ?? key}`}
              onClick={() => {
                const { [key]: _gone, ...rest } = fields;
                onChange(rest);
              }}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form className="inline-form" onSubmit={add}>
        <input
          aria-label={t('contacts.fieldName')}
          placeholder={t('contacts.fieldName')}
          pattern="[A-Za-z_][A-Za-z0-9_]*"
          maxLength={64}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <input
          aria-label={t('contacts.fieldValue')}
          placeholder={t('contacts.fieldValue')}
          maxLength={1000}
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
        <button type="submit" className="button small">
          {t('contacts.addField')}
        </button>
      </form>
    </section>
  );
}
