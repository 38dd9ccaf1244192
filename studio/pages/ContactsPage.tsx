import { useEffect, useState } from 'react';
import { contactsApi, type Contact, type ContactFilters } from '../api/contacts.ts';
import { api } from '../api/client.ts';
import { useSession } from '../api/session.ts';
import { useT } from '../i18n/index.ts';
import { errorText } from '../ui/error-text.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { EmptyState, ErrorBanner, Loading } from '../ui/states.tsx';
import { useResource } from '../ui/use-resource.ts';
import { ContactDrawer } from './contacts/ContactDrawer.tsx';
import { ContactFieldsSection } from './contacts/ContactFieldsSection.tsx';
import { ContactsTable } from './contacts/ContactsTable.tsx';
import { ImportDialog } from './contacts/ImportDialog.tsx';
import './contacts/contacts.css';

const pageSize = 50;

/** The contact directory: search, filters, a page of contacts, the detail drawer; admins import, export and mark fields. */
export function ContactsPage() {
  const t = useT();
  const isAdmin = useSession((s) => s.session.user?.role === 'admin');
  const [typed, setTyped] = useState('');
  const [filters, setFilters] = useState<ContactFilters>({});
  const [offset, setOffset] = useState(0);
  const [openId, setOpenId] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);

  // Searching as people type, a moment after they stop.
  useEffect(() => {
    const timer = setTimeout(() => {
      setFilters((f) => (f.q === (typed.trim() || undefined) ? f : { ...f, q: typed.trim() || undefined }));
      setOffset(0);
    }, 250);
    return () => clearTimeout(timer);
  }, [typed]);

  const contacts = useResource(() => contactsApi.list(filters, { offset, limit: pageSize }), [filters, offset]);
  const tags = useResource(() => contactsApi.tags().then((r) => r.tags), []);
  const definitions = useResource(() => contactsApi.fields(), []);
  // Agents cannot list flows; the flow filter is for admins.
  const flows = useResource(() => (isAdmin ? api.listFlows().then((r) => r.flows) : Promise.resolve([])), [isAdmin]);
  const labels = Object.fromEntries((definitions.data?.fields ?? []).map((f) => [f.name, f.label]));
  const filter = (change: Partial<ContactFilters>) => {
    setFilters({ ...filters, ...change });
    setOffset(0);
  };
  const changed = () => {
    contacts.reload();
    tags.reload();
  };

  return (
    <section className="page contacts-page">
      <PageHeader
        title={t('contacts.title')}
        subtitle={t('contacts.subtitle')}
        actions={
          isAdmin ? (
            <>
              <a className="button" href={contactsApi.exportCsvUrl(filters)} download="contatos.csv">
                {t('contacts.export')}
              </a>
              <button type="button" className="button primary" onClick={() => setImporting(true)}>
                {t('contacts.import')}
              </button>
            </>
          ) : undefined
        }
      />
      <div className="contacts-filters" role="search">
        <label className="field">
          <span className="visually-hidden">{t('contacts.search')}</span>
          <input
            type="search"
            placeholder={t('contacts.search')}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            data-testid="contacts-search"
          />
        </label>
        <label className="field">
          <span className="visually-hidden">{t('contacts.tagFilter')}</span>
          <select
            value={filters.tag ?? ''}
            onChange={(e) => filter({ tag: e.target.value || undefined })}
            aria-label={t('contacts.tagFilter')}
          >
            <option value="">{t('contacts.allTags')}</option>
            {(tags.data ?? []).map((tag) => (
              <option key={tag.tag} value={tag.tag}>
                {tag.tag} ({tag.contacts})
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="visually-hidden">{t('contacts.optOutFilter')}</span>
          <select
            aria-label={t('contacts.optOutFilter')}
            value={filters.optedOut === undefined ? '' : String(filters.optedOut)}
            onChange={(e) => filter({ optedOut: e.target.value === '' ? undefined : e.target.value === 'true' })}
          >
            <option value="">{t('contacts.optOutAny')}</option>
            <option value="true">{t('contacts.optOutYes')}</option>
            <option value="false">{t('contacts.optOutNo')}</option>
          </select>
        </label>
        {isAdmin && flows.data?.length ? (
          <label className="field">
            <span className="visually-hidden">{t('contacts.flowFilter')}</span>
            <select
              aria-label={t('contacts.flowFilter')}
              value={filters.flowId ?? ''}
              onChange={(e) => filter({ flowId: e.target.value || undefined })}
            >
              <option value="">{t('contacts.anyFlow')}</option>
              {flows.data.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      {contacts.status === 'loading' ? <Loading /> : null}
      {contacts.status === 'error' ? (
        <ErrorBanner message={errorText(contacts.error, t)} onRetry={contacts.reload} />
      ) : null}
      {contacts.status === 'ready' && contacts.data.contacts.length === 0 ? (
        <EmptyState title={t('contacts.empty')}>
          <p className="muted">{t('contacts.emptyHelp')}</p>
        </EmptyState>
      ) : null}
      {contacts.status === 'ready' && contacts.data.contacts.length > 0 ? (
        <>
          <ContactsTable contacts={contacts.data.contacts} labels={labels} onOpen={(c: Contact) => setOpenId(c.id)} />
          <div className="contacts-paging">
            <span className="muted small">{t('contacts.total', { count: contacts.data.total })}</span>
            <button
              type="button"
              className="button small"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - pageSize))}
            >
              {t('contacts.previous')}
            </button>
            <button
              type="button"
              className="button small"
              disabled={offset + pageSize >= contacts.data.total}
              onClick={() => setOffset(offset + pageSize)}
            >
              {t('contacts.next')}
            </button>
          </div>
        </>
      ) : null}
      {isAdmin && definitions.status === 'ready' ? (
        <ContactFieldsSection data={definitions.data} onChange={definitions.reload} />
      ) : null}
      {openId ? (
        <ContactDrawer
          contactId={openId}
          labels={labels}
          isAdmin={isAdmin}
          onChanged={changed}
          onErased={() => {
            setOpenId(null);
            changed();
          }}
          onClose={() => setOpenId(null)}
        />
      ) : null}
      {importing ? <ImportDialog onClose={() => setImporting(false)} onImported={changed} /> : null}
    </section>
  );
}
