import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY, devContentSecurityPolicy } from './electron/shell/csp';
import pkg from './package.json' with { type: 'json' };

/**
 * `npm start` only: renderer/index.html's strict CSP would refuse Vite's injected styles and its hot-reload
 * websocket, so the dev server serves the page with devContentSecurityPolicy and a nonce of its own.
 * `vite build` never runs this (apply: 'serve'): the built page keeps the production meta unchanged.
 */
function devCsp(): Plugin {
  const nonce = randomBytes(18).toString('base64');
  let origin = 'http://localhost';
  return {
    name: 'confbar-dev-csp',
    apply: 'serve',
    config: () => ({ html: { cspNonce: nonce } }),
    configureServer(server) {
      server.httpServer?.once('listening', () => {
        const address = server.httpServer?.address();
        if (address && typeof address === 'object') origin = `http://localhost:${address.port}`;
      });
    },
    transformIndexHtml(html, ctx) {
      const host = ctx.server?.resolvedUrls?.local[0] ?? origin;
      const policy = devContentSecurityPolicy(nonce, new URL(host).origin);
      if (!html.includes(CONTENT_SECURITY_POLICY)) throw new Error('renderer/index.html lost its CSP meta.');
      return html.replace(CONTENT_SECURITY_POLICY, policy);
    },
  };
}

export default defineConfig({
  main: {
    build: {
      // kerberos is an optional native dependency (the Windows login on a proxy): loaded at run time, never bundled.
      externalizeDeps: { include: Object.keys(pkg.optionalDependencies ?? {}) },
      rollupOptions: { input: { index: resolve(__dirname, 'electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        // A sandboxed preload must be a single CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react(), devCsp()],
    build: {
      // The toolbar must be interactive fast; its JS is parsed on every start (npm run bench measures it).
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
