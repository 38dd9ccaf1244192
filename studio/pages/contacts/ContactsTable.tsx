import type { Contact } from '../../api/contacts.ts';
import { useT } from '../../i18n/index.ts';
import { formatPhone } from '../inbox/phone.ts';
import { fieldText, whenText } from './format.ts';

interface ContactsTableProps {
  contacts: Contact[];
  /** Field labels by name (marked variables); other fields show their name. */
  labels: Record<string, string>;
  onOpen(contact: Contact): void;
}

/** A table on wide screens; under 640 px each row stacks into a card (contacts.css), with its column names shown. */
export function ContactsTable({ contacts, labels, onOpen }: ContactsTableProps) {
  const t = useT();
  return (
    <table className="table contacts-table" data-testid="contacts-table">
      <thead>
        <tr>
          <th scope="col">{t('contacts.name')}</th>
          <th scope="col">{t('contacts.phone')}</th>
          <th scope="col">{t('contacts.tags')}</th>
          <th scope="col">{t('contacts.fields')}</th>
          <th scope="col">{t('contacts.lastActivity')}</th>
          <th scope="col">{t('contacts.currentFlow')}</th>
        </tr>
      </thead>
      <tbody>
        {contacts.map((c) => {
          const name = c.name || t('contacts.unnamed');
          return (
            <tr key={c.id} data-testid="contact-row">
              <td data-label={t('contacts.name')}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onOpen(c)}
                  aria-label={t('contacts.open', { name })}
                >
                  {name}
                </button>
                {c.optedOutAt ? (
                  <>
                    {' '}
                    <span className="pill danger">{t('contacts.optedOut')}</span>
                  </>
                ) : null}
              </td>
              <td data-label={t('contacts.phone')}>{c.phone ? formatPhone(c.phone) : '—'}</td>
              <td data-label={t('contacts.tags')}>
                <span className="contact-tags">
                  {c.tags.map((tag) => (
                    <span key={tag} className="pill">
                      {tag}
                    </span>
                  ))}
                </span>
              </td>
              <td data-label={t('contacts.fields')} className="contact-fields-cell">
                {Object.entries(c.fields)
                  .slice(0, 3)
                  .map(([k, v]) => (
                    <div key={k} className="small">
                      <span className="muted">{labels[k] ?? k}:</span> {fieldText(v)}
                    </div>
                  ))}
              </td>
              <td data-label={t('contacts.lastActivity')} className="small">
                {whenText(c.lastActivityAt) ?? t('contacts.never')}
              </td>
              <td data-label={t('contacts.currentFlow')} className="small">
                {c.session ? (c.session.flowName ?? c.session.flowId) : t('contacts.noFlow')}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
