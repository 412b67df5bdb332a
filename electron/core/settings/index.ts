export type { SettingsBackend } from './backend';
export { createMemoryBackend } from './backend';
export { createConfBackend, type ConfBackend, type ConfBackendOptions } from './conf-backend';
export { createSettingsStore, type SettingsStore, type SettingsStoreOptions } from './store';
export {
  createFilePolicySource,
  noPolicy,
  policyFilePath,
  type LoadedPolicy,
  type PolicySource,
  type PolicyValues,
} from './policy';
export { MIGRATIONS, migrate, type Migration } from './migrations';
export { DIRECTORY_MAX, type ContactInput, type DirectoryImportResult } from './directory';
export { RECENT_CAP } from './recent';
export { formatIssues } from './issues';
