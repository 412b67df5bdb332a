import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from '../../../electron/shell/web-preferences';

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the renderer with no Node and web security on', () => {
    expect(secureWebPreferences('/app/out/preload/index.cjs', { devTools: false })).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
    });
  });

  it('enables dev tools only when asked (unpackaged runs)', () => {
    expect(secureWebPreferences('p', { devTools: true }).devTools).toBe(true);
  });
});
