import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { AppError } from '../../../shared/errors';
import { badResponse, errorFromServer, ruleForMessage } from './errors';

/** An HTTP answer as the transport hands it over. */
export interface RawResponse {
  status: number;
  contentType?: string;
  body: string;
}

/** The fields of a decoded body: JSON's top-level object, or the children of XML's root element. */
export type Fields = Record<string, unknown>;

export interface Outcome {
  status: string;
  message: string;
  fields: Fields;
}

/** Call control succeeds with `Success`; Phone Manual Dial with `queued`. Compared case-insensitively. */
export const SUCCESS_STATUSES: readonly string[] = ['success', 'queued'];

const xml = new XMLParser({
  ignoreDeclaration: true,
  ignorePiTags: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
});

export function isSuccessStatus(status: string, accepted: readonly string[] = SUCCESS_STATUSES): boolean {
  return accepted.includes(status.trim().toLowerCase());
}

/**
 * Reads a CloudAgent answer into its fields. The body decides what it is, never the Content-Type: the
 * legacy endpoints are PHP pages that label JSON and XML `text/html`. JSON when it parses as JSON, XML when
 * it is an XML document (any root), an HTML page only when it is an HTML document; the Content-Type only
 * helps word an error. CloudAgent reports most errors with HTTP 200, and some auth errors with 401 and a
 * JSON body: on any status a known message is that message's error.
 * Throws AppError `BadResponse` (or the kind of a known message; `AuthFailed` for an unknown one on 401/403).
 */
export function decodeBody(res: RawResponse): Fields {
  const ok = res.status >= 200 && res.status < 300;
  let fields: Fields;
  try {
    fields = decodeText(res.body, res.contentType);
  } catch (e) {
    if (!ok) throw httpFailure(res);
    throw e;
  }
  if (!ok) {
    const message = textOf(fields.message);
    if (message && ruleForMessage(message)) throw errorFromServer(textOf(fields.status), message);
    if (res.status === 401 || res.status === 403) {
      throw new AppError(
        'AuthFailed',
        `CloudAgent refused the credentials (HTTP ${res.status}${message ? `: ${message}` : ''}).`,
      );
    }
    throw httpFailure(res, message);
  }
  return fields;
}

/** What kind of body this is, by its content alone (for the diagnostic trace and error wording). */
export type BodyKind = 'empty' | 'json' | 'xml' | 'html' | 'text';

export function bodyKind(body: string): BodyKind {
  const text = clean(body);
  if (text === '') return 'empty';
  if (isHtmlDocument(text)) return 'html';
  if (text.startsWith('{') || text.startsWith('[')) return 'json';
  if (text.startsWith('<')) return 'xml';
  return 'text';
}

/** The status and message of decoded fields; a body without a status is not an answer we understand. */
export function readOutcome(fields: Fields): Outcome {
  const status = textOf(fields.status);
  if (status === '') {
    throw badResponse(`CloudAgent's answer has no status (${describeFields(fields)}).`);
  }
  return { status, message: textOf(fields.message), fields };
}

/** Decodes and reads an answer, throwing the typed error for any status but an accepted success. */
export function expectSuccess(res: RawResponse, accepted: readonly string[] = SUCCESS_STATUSES): Outcome {
  const outcome = readOutcome(decodeBody(res));
  if (!isSuccessStatus(outcome.status, accepted)) throw errorFromServer(outcome.status, outcome.message);
  return outcome;
}

/** A field as text: strings trimmed, numbers and booleans spelled out, anything else empty. */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

function clean(body: string): string {
  return body.replace(/^\uFEFF/, '').trim();
}

function decodeText(body: string, contentType = ''): Fields {
  const text = clean(body);
  const label = contentType ? ` labelled ${contentType.split(';')[0]?.trim()}` : '';
  switch (bodyKind(text)) {
    case 'empty':
      throw badResponse('CloudAgent answered with an empty body.');
    case 'html':
      throw badResponse(
        'CloudAgent answered with an HTML page instead of data (a login or proxy page? check the base URL).',
      );
    case 'json':
      return decodeJson(text);
    case 'xml':
      return decodeXml(text, contentType);
    case 'text':
      throw badResponse(
        `CloudAgent answered with text${label} that is neither JSON nor XML ("${snippet(text)}").`,
      );
  }
}

function decodeJson(text: string): Fields {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badResponse(`CloudAgent's answer is cut off or not valid JSON ("${snippet(text)}").`);
  }
  if (!isRecord(value))
    throw badResponse(`CloudAgent answered with JSON that is not an object ("${snippet(text)}").`);
  return value;
}

function decodeXml(text: string, contentType: string): Fields {
  const htmlLabel = /html/i.test(contentType);
  if (XMLValidator.validate(text) !== true) {
    throw badResponse(
      htmlLabel
        ? `CloudAgent answered with markup that is neither an XML document nor an HTML page ("${snippet(text)}").`
        : `CloudAgent's answer is cut off or not valid XML ("${snippet(text)}").`,
    );
  }
  const doc: unknown = xml.parse(text);
  if (!isRecord(doc)) throw badResponse('CloudAgent answered with an XML document we cannot read.');
  // The XML shape is undocumented: take the root element (`<xml>`, `<response>`, ...) holding a status or message.
  if ('status' in doc || 'message' in doc) return doc;
  for (const root of Object.values(doc)) {
    if (isRecord(root) && ('status' in root || 'message' in root)) return root;
  }
  throw badResponse(
    htmlLabel
      ? `CloudAgent answered with a page fragment, not data ("${snippet(text)}"; check the base URL).`
      : `CloudAgent answered with XML without a status or message ("${snippet(text)}").`,
  );
}

/** An HTML document: a doctype or an html/head/body element first (after an XML declaration or comments). */
function isHtmlDocument(text: string): boolean {
  const head = text.replace(/^(<\?xml[^>]*\?>|<!--[\s\S]*?-->|\s)+/i, '');
  return /^<(!doctype\s+html|html|head|body)\b/i.test(head);
}

const PROXY_LOGIN_REMEDY =
  'Ask IT to let ConfBar reach CloudAgent through the proxy, or to exempt the CloudAgent host from it. Nothing reached CloudAgent.';
const GATEKEEPER_REMEDY =
  'Check the base URL in Settings; if it is right, a firewall or login page is answering instead of CloudAgent: ask IT to allow the CloudAgent host.';

function httpFailure(res: RawResponse, message = ''): AppError {
  const head = `CloudAgent answered HTTP ${res.status}`;
  // 407 only ever comes from a proxy; CloudAgent answers auth problems in JSON, so an HTML 401/403 comes
  // from something in front of it too.
  if (res.status === 407)
    return new AppError(
      'BadResponse',
      `${head}: a proxy on your network asks for a login.`,
      PROXY_LOGIN_REMEDY,
    );
  if (message) return badResponse(`${head}: ${message}`);
  const kind = bodyKind(res.body);
  if ((res.status === 401 || res.status === 403) && kind === 'html')
    return new AppError(
      'BadResponse',
      `${head} with an HTML page (a login or firewall page, not CloudAgent).`,
      GATEKEEPER_REMEDY,
    );
  const hint =
    res.status === 404
      ? ' (check the base URL; the path is case-sensitive)'
      : res.status >= 500
        ? ' (a proxy error?)'
        : '';
  if (kind === 'empty') return badResponse(`${head} with an empty body${hint}.`);
  if (kind === 'html') return badResponse(`${head} with an HTML page${hint}.`);
  return badResponse(`${head} ("${snippet(clean(res.body))}")${hint}.`);
}

function describeFields(fields: Fields): string {
  const keys = Object.keys(fields);
  return keys.length === 0 ? 'no fields' : `fields: ${keys.slice(0, 6).join(', ')}`;
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 40 ? `${flat.slice(0, 40)}...` : flat;
}

function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
