// A named import: the bundler keeps this one field, not the whole package.json.
import { version } from '../../package.json';

/** The app's version; the CLI ships with the app and shares it. */
export const VERSION: string = version;
