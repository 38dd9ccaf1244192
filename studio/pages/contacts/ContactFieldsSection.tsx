import { useState } from 'react';
import { contactsApi } from '../../api/contacts.ts';
import { useT } from '../../i18n/index.ts';
import { errorText } from '../../ui/error-text.ts';
import { showToast } from '../../ui/toast.tsx';

interface Definitions {
  fields: { name: string; label: string }[];
  variables: string[];
}

/** Admins mark which flow variables are copied to the contact (with the label people see). */
export function ContactFieldsSection({ data, onChange }: { data: Definitions; onChange(): void }) {
  const t = useT();
  const marked = new Map(data.fields.map((f) => [f.name, f.label]));
  const names = [...new Set([...data.variables, ...marked.keys()])].sort();
  const [labels, setLabels] = useState<Record<string, string>>({});
  const act = async (work: Promise<unknown>) => {
    try {
      await work;
    } catch (err) {
      showToast(errorText(err, t), 'error');
    }
    onChange();
  };
  return (
    <section className="contact-fields-section" data-testid="contact-fields-section">
      <h2>{t('contacts.fieldsSection')}</h2>
      <p className="muted small">{t('contacts.fieldsSectionHelp')}</p>
      {names.length === 0 ? (
        <p className="muted">{t('contacts.noVariables')}</p>
      ) : (
        <ul className="card-list">
          {names.map((name) => {
            const label = marked.get(name);
            return (
              <li key={name} className="contact-field-row">
                <code>{name}</code>
                {label !== undefined ? (
                  <>
                    <span>{label}</span>
                    <button type="button" className="button small" onClick={() => act(contactsApi.unmarkField(name))}>
                      {t('contacts.unmark')}
                    </button>
                  </>
                ) : (
                  <>
                    <input
                      aria-label={`${t('contacts.label')} ${name}`}
                      placeholder={t('contacts.label')}
                      maxLength={80}
                      value={labels[name] ?? ''}
                      onChange={(e) => setLabels({ ...labels, [name]: e.target.value })}
                    />
                    <button
                      type="button"
                      className="button small primary"
                      onClick={() => act(contactsApi.markField({ name, label: (labels[name] ?? '').trim() || name }))}
                    >
                      {t('contacts.mark')}
                    </button>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
