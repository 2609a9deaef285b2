/** Renderer entry: picks the API transport once and mounts the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from './api';
import { App } from './app/App';
import { ClientContext } from './app/context';
import { I18nProvider } from './i18n';
import './styles.css';
import { applyTheme, loadTheme } from './app/theme';

// The chosen theme before the first paint (no flash of the other one).
applyTheme(loadTheme());

const client = createClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ClientContext.Provider value={client}>
      <I18nProvider>
        <App />
      </I18nProvider>
    </ClientContext.Provider>
  </StrictMode>,
);
