/**
 * The renderer's web preferences: isolated, sandboxed, no Node, web security on, no webviews. Kept here
 * (Electron-free) so a test pins every value; the window spreads it into Electron's `webPreferences`.
 */
export interface SecureWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  webviewTag: false;
  experimentalFeatures: false;
  navigateOnDragDrop: false;
  safeDialogs: true;
  spellcheck: false;
  /** Middle-click (auxclick) cannot open links in new windows; window.open is denied as well. */
  disableBlinkFeatures: 'Auxclick';
  devTools: boolean;
}

export function secureWebPreferences(preload: string, opts: { devTools: boolean }): SecureWebPreferences {
  return {
    preload,
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
    devTools: opts.devTools,
  };
}
