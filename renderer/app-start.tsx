import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initI18n } from './i18n/i18n';
import { markStep } from './timing/step-marks';

markStep('app.script');
const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');

await initI18n();
markStep('app.i18n');
createRoot(rootElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
