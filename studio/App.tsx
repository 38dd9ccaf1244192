import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import type { Role } from '../shared/api/common.ts';
import { useSession } from './api/session.ts';
import { useT } from './i18n/index.ts';
import { CatalogPage } from './pages/CatalogPage.tsx';
import { ChannelsPage } from './pages/ChannelsPage.tsx';
import { ContactsPage } from './pages/ContactsPage.tsx';
import { FlowsPage } from './pages/FlowsPage.tsx';
import { InboxPage } from './pages/InboxPage.tsx';
import { ConversationsPage } from './pages/ConversationsPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { OrdersPage } from './pages/OrdersPage.tsx';
import { CampaignsPage } from './pages/CampaignsPage.tsx';
import { AgendaPage } from './pages/AgendaPage.tsx';
import { UsersPage } from './pages/UsersPage.tsx';
import { TopBar } from './ui/TopBar.tsx';
import { Toaster } from './ui/toast.tsx';
import { matchPath, navigate, usePathname } from './ui/router.ts';
import { Loading } from './ui/states.tsx';

// The editor (React Flow, ELK layout) is most of the bundle: load it when a flow opens.
const FlowPage = lazy(() => import('./pages/FlowPage.tsx').then((m) => ({ default: m.FlowPage })));
// Validates with the shared zod schemas (time zones, hours): zod stays out of the first load.
const SettingsPage = lazy(() => import('./pages/SettingsPage.tsx').then((m) => ({ default: m.SettingsPage })));
// Charts (recharts) load with the dashboard only.
const DashboardPage = lazy(() => import('./pages/DashboardPage.tsx').then((m) => ({ default: m.DashboardPage })));
const TemplatesPage = lazy(() => import('./pages/TemplatesPage.tsx').then((m) => ({ default: m.TemplatesPage })));
const AuditPage = lazy(() => import('./pages/AuditPage.tsx').then((m) => ({ default: m.AuditPage })));
const FlowVersionPage = lazy(() => import('./pages/FlowVersionPage.tsx').then((m) => ({ default: m.FlowVersionPage })));

interface Route {
  path: string;
  roles: readonly Role[];
  render(params: Record<string, string>): ReactNode;
}

/** Who may open what mirrors the API's roles: admin everything, editor flows and catalog, agent the inbox. */
const routes: readonly Route[] = [
  { path: '/flows', roles: ['admin', 'editor'], render: () => <FlowsPage /> },
  { path: '/flows/:id', roles: ['admin', 'editor'], render: (p) => <FlowPage key={p.id} flowId={p.id ?? ''} /> },
  {
    path: '/flows/:id/versions/:version',
    roles: ['admin', 'editor'],
    render: (p) => <FlowVersionPage key={`${p.id}/${p.version}`} flowId={p.id ?? ''} version={Number(p.version)} />,
  },
  // The same element type at the same place for both paths, so the list keeps its state while conversations change.
  { path: '/inbox', roles: ['admin', 'supervisor', 'agent'], render: () => <InboxPage selectedId={null} /> },
  {
    path: '/inbox/:id',
    roles: ['admin', 'supervisor', 'agent'],
    render: (p) => <InboxPage selectedId={p.id ?? null} />,
  },
  {
    path: '/conversations',
    roles: ['admin', 'supervisor', 'agent'],
    render: () => <ConversationsPage selectedId={null} />,
  },
  {
    path: '/conversations/:id',
    roles: ['admin', 'supervisor', 'agent'],
    render: (p) => <ConversationsPage selectedId={p.id ?? null} />,
  },
  { path: '/channels', roles: ['admin'], render: () => <ChannelsPage /> },
  { path: '/catalog', roles: ['admin', 'editor'], render: () => <CatalogPage /> },
  { path: '/orders', roles: ['admin', 'editor', 'supervisor', 'agent'], render: () => <OrdersPage /> },
  { path: '/campaigns', roles: ['admin'], render: () => <CampaignsPage /> },
  { path: '/agenda', roles: ['admin', 'editor', 'supervisor', 'agent'], render: () => <AgendaPage /> },
  { path: '/users', roles: ['admin'], render: () => <UsersPage /> },
  { path: '/contacts', roles: ['admin', 'supervisor', 'agent'], render: () => <ContactsPage /> },
  { path: '/settings', roles: ['admin'], render: () => <SettingsPage /> },
  { path: '/dashboard', roles: ['admin', 'editor'], render: () => <DashboardPage /> },
  { path: '/audit', roles: ['admin'], render: () => <AuditPage /> },
  { path: '/templates', roles: ['admin', 'editor'], render: () => <TemplatesPage /> },
];

function homeFor(role: Role): string {
  return role === 'agent' ? '/inbox' : '/flows';
}

export function App() {
  const t = useT();
  const session = useSession((s) => s.session);
  const refresh = useSession((s) => s.refresh);
  const pathname = usePathname();

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    if (session.status === 'anonymous' && pathname !== '/login') {
      const back = pathname === '/' ? '' : `?next=${encodeURIComponent(pathname)}`;
      navigate(`/login${back}`, { replace: true });
    }
    // `/agent` was the agents' home before the inbox: old bookmarks land on today's home.
    if (session.status === 'signed-in' && (pathname === '/' || pathname === '/login' || pathname === '/agent')) {
      const next = new URLSearchParams(location.search).get('next');
      navigate(next?.startsWith('/') ? next : homeFor(session.user.role), { replace: true });
    }
  }, [session, pathname]);

  if (session.status === 'loading')
    return (
      <div className="boot">
        <Loading />
      </div>
    );
  if (session.status === 'anonymous')
    return (
      <>
        <LoginPage />
        <Toaster />
      </>
    );

  const role = session.user.role;
  let page: ReactNode = <NotFoundPage />;
  for (const route of routes) {
    const params = matchPath(route.path, pathname);
    if (!params) continue;
    page = route.roles.includes(role) ? route.render(params) : <NotFoundPage forbidden />;
    break;
  }

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <TopBar user={session.user} />
      <main id="main" className="app-main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>{page}</Suspense>
      </main>
      <Toaster />
    </div>
  );
}
