import type { History } from '../../history/history';
import type { HandlerTable } from '../../ipc/dispatch';
import type { ShellPort } from '../shell-port';

type HistoryHandlers = Pick<
  HandlerTable,
  'historySessions' | 'historySession' | 'historyExportCsv' | 'globalShortcutStatus' | 'reportContentHeight'
>;

/** The history, and what only the Electron shell answers (absent in the harness and the CLI). */
export function historyAndShellHandlers(deps: { history: History; shell?: ShellPort }): HistoryHandlers {
  const { history, shell } = deps;
  return {
    historySessions: async ({ limit }) => history.recentSessions(limit),
    historySession: async ({ ucid }) => history.sessionLog(ucid),
    historyExportCsv: async ({ ucid }) => ({
      csv: await history.exportCsv(ucid ? { ucid } : {}),
      fileName: `confbar-history${ucid ? `-${ucid}` : ''}.csv`,
    }),
    globalShortcutStatus: async () => shell?.globalShortcutStatus() ?? [],
    reportContentHeight: async ({ height }) => ({ applied: shell?.contentHeight?.(height) ?? false }),
  };
}
