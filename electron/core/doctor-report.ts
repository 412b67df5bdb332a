import type { DoctorCheck } from '../../shared/session';
import type { TraceExchange } from './cloudagent/trace';
import type { CloudAgentConfig } from './cloudagent/types';
import { redact } from './redact';

export interface DiagnosticReportInput {
  version: string;
  /** Where it ran: `confbar CLI` or `ConfBar app`. */
  source: string;
  config: CloudAgentConfig;
  region: 'in' | 'intl';
  baseUrl: string | null;
  checks: readonly DoctorCheck[];
  exchanges: readonly TraceExchange[];
  at: number;
}

/**
 * The diagnostic report an IT person sends to support: the checks, then every exchange they made with
 * how ConfBar read it. Built from redacted parts and passed through the scrubber once more as a whole, so
 * it carries no api_key or token in any case or encoding.
 */
export function formatDiagnosticReport(r: DiagnosticReportInput): string {
  const lines: string[] = [
    'ConfBar diagnostic report',
    `generated  ${new Date(r.at).toISOString()} by ${r.source} ${r.version}`,
    `mode       ${r.config.mode}${r.config.mode === 'token' ? ` (token form: ${r.config.tokenForm ?? 'bearer'})` : ''}`,
    `region     ${r.region}`,
    `base URL   ${r.baseUrl ?? '(invalid)'}${r.config.endpoint.baseUrl ? ' (custom)' : ''}`,
    `user name  ${r.config.userName || '(none)'}`,
    `DID        ${r.config.did || '(none)'}`,
    `phone name ${r.config.agentPhoneName || '(none)'}`,
    `timeout    ${r.config.timeoutMs} ms`,
    '',
    'Checks',
    ...r.checks.map((c) => `  ${c.ok ? 'ok  ' : 'FAIL'}  ${c.name}: ${c.detail}`),
    '',
    `Exchanges (${r.exchanges.length})`,
  ];
  r.exchanges.forEach((x, i) => {
    const query = Object.entries(x.query).map(([k, v]) => `${k}=${v}`);
    lines.push(
      '',
      `#${i + 1} ${x.label}  ${new Date(x.startedAt).toISOString()}  ${x.latencyMs} ms`,
      `  request   ${x.method} ${x.url}`,
      ...(query.length ? [`  query     ${query.join('&')}`] : []),
      ...Object.entries(x.headers).map(([k, v]) => `  header    ${k}: ${v}`),
      ...(x.body ? [`  body      ${x.body}`] : []),
      x.httpStatus === null
        ? '  answer    (none)'
        : `  answer    HTTP ${x.httpStatus}, Content-Type ${x.contentType ?? '(none)'}, body is ${x.bodyKind}`,
      ...(x.answer ? x.answer.split(/\r?\n/).map((l) => `  |         ${l}`) : []),
      `  read as   ${x.reading.replace(/^read as /, '')}`,
    );
  });
  return `${redact(lines.join('\n'))}\n`;
}
