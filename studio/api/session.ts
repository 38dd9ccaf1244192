import { create } from 'zustand';
import type { User } from '../../shared/api/auth.ts';
import { useLocaleStore } from '../i18n/locale-store.ts';
import { api } from './client.ts';
import { onUnauthorized } from './http.ts';

type SessionState =
  { status: 'loading'; user: null } | { status: 'anonymous'; user: null } | { status: 'signed-in'; user: User };

interface SessionStore {
  session: SessionState;
  /** Asks the server who is signed in (the session cookie is httpOnly). */
  refresh(): Promise<void>;
  login(email: string, password: string): Promise<void>;
  logout(): Promise<void>;
}

export const useSession = create<SessionStore>((set) => ({
  session: { status: 'loading', user: null },
  refresh: async () => {
    try {
      const { user, studioLanguage } = await api.me();
      useLocaleStore.getState().applyDefault(studioLanguage);
      set({ session: { status: 'signed-in', user } });
    } catch {
      set({ session: { status: 'anonymous', user: null } });
    }
  },
  login: async (email, password) => {
    const { user } = await api.login({ email, password });
    // The studio's default language is for signed-in users only: asked for once signed in.
    const me = await api.me().catch(() => null);
    if (me) useLocaleStore.getState().applyDefault(me.studioLanguage);
    set({ session: { status: 'signed-in', user } });
  },
  logout: async () => {
    try {
      await api.logout();
    } finally {
      set({ session: { status: 'anonymous', user: null } });
    }
  },
}));

onUnauthorized(() => useSession.setState({ session: { status: 'anonymous', user: null } }));
