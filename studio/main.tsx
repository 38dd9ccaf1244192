import './zod-jitless.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { useLocaleStore } from './i18n/index.ts';
import './app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

document.documentElement.lang = useLocaleStore.getState().locale;

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
