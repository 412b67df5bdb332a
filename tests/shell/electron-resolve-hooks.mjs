// Node module-resolution hooks for the main-process suite: `import ... from 'electron'` in the built bundle
// (and in the libraries it loads as ES modules) resolves to a module that re-exports the recording double the
// test installed on globalThis. Plain JavaScript: Node loads hooks before any TypeScript loader runs.
let names = [];

export function initialize(data) {
  names = data.names;
}

const KEY = "Symbol.for('confbar.electron-double')";

export async function resolve(specifier, context, next) {
  if (specifier !== 'electron') return next(specifier, context);
  const source = [
    `const electron = globalThis[${KEY}];`,
    "if (!electron) throw new Error('The Electron double was not installed before the bundle loaded.');",
    'export default electron;',
    ...names.map((name) => `export const ${name} = electron.${name};`),
  ].join('\n');
  return { url: `data:text/javascript,${encodeURIComponent(source)}`, shortCircuit: true };
}
