export { createHistory, type History, type HistoryOptions, type SessionSummary } from './history';
export { HistoryEntrySchema, redact, sanitizeEntry, type HistoryEntry } from './entry';
