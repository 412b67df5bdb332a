// Shared tokens and styles first; each component imports its own stylesheet after its children's, so a
// parent's overrides come later in the cascade; forced colours (High Contrast) override everything, last.
import './styles/theme.css';
import './styles/base.css';
import './styles/buttons.css';
import './styles/fields.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadPhoneRules } from './lib/phone';
import { hydrate } from './store/hydrate';
import './styles/forced-colors.css';

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
