import pkg from '../../package.json' with { type: 'json' };

/** The app's version; the CLI ships with the app and shares it. */
export const VERSION: string = pkg.version;
