/**
 * Files in a working group's library: what may be uploaded, decided by the bytes and never by
 * the name, and a name that is safe to offer for download.
 *
 * Allowed: PDF; PNG and JPEG images; Office Open XML documents, workbooks and presentations
 * (DOCX, XLSX, PPTX, not their macro-enabled or template variants); OpenDocument text,
 * spreadsheets and presentations (ODT, ODS, ODP); and plain text, CSV and Markdown. Binary
 * formats are recognised by their signatures with `file-type`. Text has no signature, so it is
 * accepted only when the bytes are clean text (below) and the name says text (`.txt`, `.text`,
 * `.csv`, `.md`, `.markdown`) or has no extension: a text file named `.pdf`, `.html`, `.svg`,
 * `.js` or `.exe` is refused rather than renamed, as is text that starts like HTML, XML or SVG
 * markup or a `#!` script.
 *
 * Clean text: valid UTF-8, with no NUL and no control characters other than tab, line feed,
 * form feed and carriage return. A few weak signatures (`BM` for BMP, `ID3` for MP3, `MZ` for a
 * Windows executable) can be the first letters of ordinary text ("BMW,2024,…"), so clean text
 * that `file-type` takes for such a format counts as text; a real file of those formats is never
 * clean text.
 *
 * Name and content: a mismatch is reported only when the name's extension is itself an allowed
 * one and names another type (a PNG called `report.pdf`); otherwise the name's extension is
 * irrelevant and the detected extension is returned, to be used when storing and serving.
 *
 * Size: `UPLOAD_LIMIT_BYTES` is for the route to enforce while reading the request (multipart
 * limits), before the bytes reach `sniffUpload`.
 */
import { fileTypeFromBuffer } from 'file-type';

/** The largest upload accepted: 10 MiB. */
export const UPLOAD_LIMIT_BYTES = 10 * 1024 * 1024;

export type UploadErrorReason = 'forbidden_type' | 'empty' | 'mismatch';

/** An upload refused, with why: not an allowed type, no bytes, or a name that claims another type. */
export class UploadError extends Error {
  override name = 'UploadError';
  constructor(
    readonly reason: UploadErrorReason,
    message: string,
  ) {
    super(message);
  }
}

export interface SniffedUpload {
  readonly mime: string;
  /** The extension for the detected type, without a dot: `pdf`, `jpg`, `docx`, `csv`, … */
  readonly extension: string;
}

/** Allowed binary types, by the MIME type `file-type` reports. */
const BINARY_TYPES = new Map<string, string>([
  ['application/pdf', 'pdf'],
  ['image/png', 'png'],
  ['image/jpeg', 'jpg'],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
  ['application/vnd.openxmlformats-officedocument.presentationml.presentation', 'pptx'],
  ['application/vnd.oasis.opendocument.text', 'odt'],
  ['application/vnd.oasis.opendocument.spreadsheet', 'ods'],
  ['application/vnd.oasis.opendocument.presentation', 'odp'],
]);

/** Text types, by the extension of the name. */
const TEXT_TYPES = new Map<string, SniffedUpload>([
  ['txt', { mime: 'text/plain', extension: 'txt' }],
  ['csv', { mime: 'text/csv', extension: 'csv' }],
  ['md', { mime: 'text/markdown', extension: 'md' }],
]);

/** Other spellings of allowed extensions. */
const ALIASES = new Map([
  ['jpeg', 'jpg'],
  ['text', 'txt'],
  ['markdown', 'md'],
]);

const ALLOWED_EXTENSIONS = new Set([...BINARY_TYPES.values(), ...TEXT_TYPES.keys()]);

/**
 * Decides the type of an upload from its bytes (see the module comment for what is allowed).
 * Throws an `UploadError`: `empty` for no bytes, `forbidden_type` for anything not allowed,
 * `mismatch` when the name's extension is an allowed one that differs from the content.
 *
 * @example
 * await sniffUpload(pdfBytes, 'Minutes 3 March.pdf'); // { mime: 'application/pdf', extension: 'pdf' }
 * await sniffUpload(pngBytes, 'minutes.pdf'); // throws UploadError, reason 'mismatch'
 */
export async function sniffUpload(bytes: Uint8Array, fileName: string): Promise<SniffedUpload> {
  if (bytes.length === 0) throw new UploadError('empty', 'the file is empty');
  const claimed = extensionOf(fileName);
  const detected = await fileTypeFromBuffer(bytes);
  const binary = detected && BINARY_TYPES.get(detected.mime);
  if (detected && binary) {
    if (claimed !== null && ALLOWED_EXTENSIONS.has(claimed) && claimed !== binary)
      throw new UploadError(
        'mismatch',
        `the file is named .${claimed} but its content is ${binary.toUpperCase()}`,
      );
    return { mime: detected.mime, extension: binary };
  }
  const text = cleanText(bytes);
  if (text === null)
    throw new UploadError(
      'forbidden_type',
      detected
        ? `files of type ${detected.mime} cannot be uploaded`
        : 'the file is neither an allowed document type nor UTF-8 text',
    );
  if (looksLikeMarkupOrScript(text))
    throw new UploadError('forbidden_type', 'HTML, XML, SVG and scripts cannot be uploaded');
  const type = TEXT_TYPES.get(claimed ?? 'txt');
  if (!type)
    throw new UploadError(
      'forbidden_type',
      `the file is text, which is accepted as .txt, .csv or .md, not as .${claimed}`,
    );
  return type;
}

/** The lower-case extension of a file name (aliases resolved), or null when it has none. */
function extensionOf(fileName: string): string | null {
  const base = fileName.split(/[/\\]/).pop()!.trim();
  const dot = base.lastIndexOf('.');
  if (dot <= 0 || dot === base.length - 1) return null;
  const extension = base.slice(dot + 1).toLowerCase();
  return ALIASES.get(extension) ?? extension;
}

/** The bytes as a string when they are clean text (see the module comment), else null. */
function cleanText(bytes: Uint8Array): string | null {
  for (const byte of bytes) {
    // NUL and C0 controls other than tab (9), line feed (10), form feed (12), carriage return (13).
    if ((byte < 0x20 && byte !== 9 && byte !== 10 && byte !== 12 && byte !== 13) || byte === 0x7f)
      return null;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

// What browsers' content sniffing takes for HTML, XML or SVG (WHATWG MIME Sniffing §7.1), and
// an interpreter line.
const MARKUP_START = /^(?:<[a-z!?/]|#!)/i;
const MARKUP_TAGS =
  /<(?:!doctype|\?xml|html|head|body|script|iframe|svg|object|embed|meta|style|link|base|frame|frameset)[\s/>]/i;

function looksLikeMarkupOrScript(text: string): boolean {
  // The opening of the file, about as much as a sniffing browser reads (WHATWG: 1445 bytes).
  const start = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 1445);
  return MARKUP_START.test(start) || MARKUP_TAGS.test(start);
}

/** The longest download name, in UTF-8 octets (file systems allow 255; this leaves room). */
const MAX_NAME_OCTETS = 200;
const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])(?:\.|$)/i;

/**
 * A file name that is safe to offer in `Content-Disposition` and to save on any system: only
 * the last path part, without control, bidirectional-override or zero-width characters, with
 * `< > : " | ? *` replaced by `_`, no leading dots, no trailing dots or spaces, no Windows device
 * name, and at most 200 UTF-8 octets (the extension kept when shortening). An empty result
 * becomes `download`.
 *
 * @example
 * safeDownloadName('../../etc/passwd'); // 'passwd'
 * safeDownloadName('invoice\u202Efdp.exe'); // 'invoicefdp.exe'
 */
export function safeDownloadName(name: string): string {
  let base = name.normalize('NFC').split(/[/\\]/).pop()!;
  base = base
    // C0, DEL, C1; bidirectional marks and overrides; zero-width characters; line separators.
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+/, '')
    .replace(/[\s.]+$/, '');
  if (WINDOWS_DEVICE.test(base)) base = `_${base}`;
  base = limitOctets(base, MAX_NAME_OCTETS);
  return base === '' ? 'download' : base;
}

const encoder = new TextEncoder();

/** Shortens a name to `max` UTF-8 octets, cutting the stem and keeping a short extension. */
function limitOctets(name: string, max: number): string {
  if (encoder.encode(name).length <= max) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
  let stem = '';
  let octets = encoder.encode(extension).length;
  for (const char of name.slice(0, name.length - extension.length)) {
    const size = encoder.encode(char).length;
    if (octets + size > max) break;
    stem += char;
    octets += size;
  }
  return stem.replace(/[\s.]+$/, '') + extension;
}
