import { XMLParser, XMLValidator } from 'fast-xml-parser';
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
 * Reads a CloudAgent answer into its fields. CloudAgent reports most errors with HTTP 200, so the body
 * decides; a non-2xx status is still an error, with the server's own message when it sent a known one.
 * Throws AppError `BadResponse` (or the kind of a known message on a non-2xx answer).
 */
export function decodeBody(res: RawResponse): Fields {
  const ok = res.status >= 200 && res.status < 300;
  let fields: Fields;
  try {
    fields = decodeText(res.body, res.contentType);
  } catch (e) {
    if (!ok) throw badResponse(describeHttpFailure(res));
    throw e;
  }
  if (!ok) {
    const message = textOf(fields.message);
    if (message && ruleForMessage(message)) throw errorFromServer(textOf(fields.status), message);
    throw badResponse(describeHttpFailure(res, message));
  }
  return fields;
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

function decodeText(body: string, contentType = ''): Fields {
  const text = body.replace(/^\uFEFF/, '').trim();
  if (text === '') throw badResponse('CloudAgent answered with an empty body.');
  if (looksLikeHtml(text, contentType)) {
    throw badResponse(
      'CloudAgent answered with an HTML page instead of data (a login or proxy page? check the base URL).',
    );
  }
  if (text.startsWith('<')) return decodeXml(text);
  if (text.startsWith('{') || text.startsWith('[')) return decodeJson(text);
  throw badResponse(`CloudAgent answered with text that is neither JSON nor XML ("${snippet(text)}").`);
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

function decodeXml(text: string): Fields {
  if (XMLValidator.validate(text) !== true) {
    throw badResponse(`CloudAgent's answer is cut off or not valid XML ("${snippet(text)}").`);
  }
  const doc: unknown = xml.parse(text);
  if (!isRecord(doc)) throw badResponse('CloudAgent answered with an XML document we cannot read.');
  // The XML shape is undocumented: take the first root element that holds a status or message.
  if ('status' in doc || 'message' in doc) return doc;
  for (const root of Object.values(doc)) {
    if (isRecord(root) && ('status' in root || 'message' in root)) return root;
  }
  throw badResponse(`CloudAgent answered with XML without a status or message ("${snippet(text)}").`);
}

function looksLikeHtml(text: string, contentType: string): boolean {
  return /^<(!doctype\s+html|html|head|body)\b/i.test(text) || /text\/html/i.test(contentType);
}

function describeHttpFailure(res: RawResponse, message = ''): string {
  const text = res.body.trim();
  const head = `CloudAgent answered HTTP ${res.status}`;
  if (message) return `${head}: ${message}`;
  const hint = res.status === 404 ? ' (check the base URL)' : res.status >= 500 ? ' (a proxy error?)' : '';
  if (text === '') return `${head} with an empty body${hint}.`;
  if (looksLikeHtml(text, res.contentType ?? '')) return `${head} with an HTML page${hint}.`;
  return `${head} ("${snippet(text)}").`;
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
