import type { AccountBook } from '../accounts';
import type { Reply } from '../respond';
import type { PhoneLines } from '../lines';
import type { CallBook } from '../state';
import type { TokenBook } from '../tokens';
import type { NumberFormat, SimTokenForm } from '../types';

/** Everything a route may read or change. */
export interface SimContext {
  accounts: AccountBook;
  calls: CallBook;
  lines: PhoneLines;
  tokens: TokenBook;
  numberFormat: NumberFormat;
  tokenForm: SimTokenForm;
  authFailureStatus: 200 | 401;
}

export interface RouteRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  body: string;
}

export type Route = (req: RouteRequest, ctx: SimContext) => Reply;
