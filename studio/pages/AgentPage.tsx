import { useT } from '../i18n/index.ts';

/** Agents work in the inbox; the studio's pages are for admins and editors. */
export function AgentPage() {
  const t = useT();
  return (
    <section className="page narrow center-card">
      <div className="agent-illustration" aria-hidden="true">💬</div>
      <h1>{t('agent.title')}</h1>
      <p className="muted">{t('agent.body')}</p>
    </section>
  );
}
