import { useT } from '../i18n/index.ts';
import { Link } from '../ui/router.ts';

export function NotFoundPage({ forbidden = false }: { forbidden?: boolean }) {
  const t = useT();
  return (
    <section className="page narrow center-card">
      <h1>{forbidden ? t('notFound.forbiddenTitle') : t('notFound.title')}</h1>
      <p className="muted">{forbidden ? t('notFound.forbiddenBody') : t('notFound.body')}</p>
      <Link to="/" className="button primary">
        {t('notFound.home')}
      </Link>
    </section>
  );
}
