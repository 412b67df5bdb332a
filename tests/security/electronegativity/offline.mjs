// Preloaded into Electronegativity (node --import): it fetches translations and Electron's release list
// from the internet on every run. Tests send nothing off the machine, so every name lookup fails at once
// and the tool falls back to its bundled English strings.
import dns from 'node:dns';

dns.lookup = function offlineLookup(host, options, callback) {
  const cb = typeof options === 'function' ? options : callback;
  const error = Object.assign(new Error(`offline: ${host}`), { code: 'ENOTFOUND', hostname: host });
  process.nextTick(() => cb(error));
};
