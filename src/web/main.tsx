import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@digdir/designsystemet-css';
import '@digdir/designsystemet-css/theme';
import './styles.css';
import './i18n.ts';
import { App } from './App.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('No #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
