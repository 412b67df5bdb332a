export { createHistory, type History, type HistoryOptions, type SessionSummary } from './history';
export { HistoryEntrySchema, sanitizeEntry, type HistoryEntry } from './entry';
