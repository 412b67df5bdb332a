import { useEffect } from 'react';
import { settingsOf } from '../store/selectors';
import { useToolbar } from '../store/store';

/** The OS theme unless the agent forced one: `data-theme` on <html> switches the CSS custom properties. */
export function useTheme(): void {
  const theme = useToolbar((s) => settingsOf(s).behaviour.theme);
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') root.removeAttribute('data-theme');
    else root.setAttribute('data-theme', theme);
  }, [theme]);
}
