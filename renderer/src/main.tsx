import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadPhoneRules } from './lib/phone';
import { hydrate } from './store/hydrate';
import './styles/theme.css';
import './styles/toolbar.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

void hydrate();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
// Right after the first render is scheduled: the number rules are not needed to paint (lib/phone.ts).
void loadPhoneRules();
