import { getState, setState, useToolbar, EMPTY_DRAFTS, type Drafts } from './store';

// Drafts live in the store (so re-renders and the settings view never lose them) and in sessionStorage
// (so a reload of the window does not either). Never the ucid of a live call: main owns that.
const KEY = 'confbar.drafts';

export function setDraft<K extends keyof Drafts>(key: K, value: Drafts[K]): void {
  setState({ drafts: { ...getState().drafts, [key]: value } });
}

export function restoreDrafts(): void {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return;
    const parsed = JSON.parse(raw) as Partial<Drafts>;
    setState({
      drafts: {
        ucid: typeof parsed.ucid === 'string' ? parsed.ucid : EMPTY_DRAFTS.ucid,
        add: typeof parsed.add === 'string' ? parsed.add : EMPTY_DRAFTS.add,
        addSip: typeof parsed.addSip === 'boolean' ? parsed.addSip : EMPTY_DRAFTS.addSip,
        customer: typeof parsed.customer === 'string' ? parsed.customer : EMPTY_DRAFTS.customer,
        reference: typeof parsed.reference === 'string' ? parsed.reference : EMPTY_DRAFTS.reference,
      },
    });
  } catch {
    // Storage unavailable or corrupt: start with empty drafts.
  }
}

export function saveDraftsOnChange(): () => void {
  return useToolbar.subscribe((state, prev) => {
    if (state.drafts === prev.drafts) return;
    try {
      sessionStorage.setItem(KEY, JSON.stringify(state.drafts));
    } catch {
      // Best effort only.
    }
  });
}
