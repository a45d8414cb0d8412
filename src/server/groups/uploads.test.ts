import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { safeDownloadName, sniffUpload, UPLOAD_LIMIT_BYTES, UploadError } from './uploads.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: (Uint8Array | number[])[]) =>
  Uint8Array.from(parts.flatMap((part) => [...part]));

/**
 * A ZIP archive (PKWARE APPNOTE 6.3: local headers, central directory, end record), deflated
 * unless `stored` — enough for the office formats, which are ZIP packages.
 */
function zip(entries: { name: string; content: string; stored?: boolean }[]): Uint8Array {
  const u16 = (n: number) => [n & 0xff, (n >>> 8) & 0xff];
  const u32 = (n: number) => [...u16(n & 0xffff), ...u16(n >>> 16)];
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = utf8(entry.name);
    const raw = utf8(entry.content);
    const data = entry.stored ? raw : new Uint8Array(deflateRawSync(raw));
    const method = entry.stored ? 0 : 8;
    const common = [
      ...u16(20), // version needed
      ...u16(0x0800), // flags: UTF-8 names
      ...u16(method),
      ...u16(0), // time
      ...u16(0x21), // date: 1980-01-01
      ...u32(crc32(raw)),
      ...u32(data.length),
      ...u32(raw.length),
      ...u16(name.length),
      ...u16(0), // extra field length
    ];
    const local = concat(u32(0x04034b50), common, name, data);
    centrals.push(
      concat(u32(0x02014b50), u16(20), common, u16(0), u16(0), u16(0), u32(0), u32(offset), name),
    );
    locals.push(local);
    offset += local.length;
  }
  const directory = concat(...centrals);
  const end = concat(
    u32(0x06054b50),
    u16(0),
    u16(0),
    u16(entries.length),
    u16(entries.length),
    u32(directory.length),
    u32(offset),
    u16(0),
  );
  return concat(...locals, directory, end);
}

const CONTENT_TYPES = (main: string, part: string) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  `<Override PartName="${part}" ContentType="${main}.main+xml"/></Types>`;
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>';

function officeOpenXml(main: string, part: string): Uint8Array {
  return zip([
    { name: '[Content_Types].xml', content: CONTENT_TYPES(main, part) },
    { name: '_rels/.rels', content: RELS },
    { name: part.slice(1), content: '<?xml version="1.0"?><document/>' },
  ]);
}

function openDocument(mime: string): Uint8Array {
  return zip([
    // OpenDocument 1.3 part 2 §3.3: the first entry, stored, holds the MIME type.
    { name: 'mimetype', content: mime, stored: true },
    { name: 'content.xml', content: '<?xml version="1.0"?><office:document-content/>' },
    { name: 'META-INF/manifest.xml', content: '<?xml version="1.0"?><manifest:manifest/>' },
  ]);
}

const PDF = utf8(
  '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<<>>\n%%EOF\n',
);
const PNG = concat(
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  [0, 0, 0, 13, ...utf8('IHDR'), 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89],
  [0, 0, 0, 0, ...utf8('IEND'), 0xae, 0x42, 0x60, 0x82],
);
const JPEG = concat([0xff, 0xd8, 0xff, 0xe0, 0, 16], utf8('JFIF'), [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
const GIF = concat(utf8('GIF89a'), [1, 0, 1, 0, 0x80, 0, 0]);
const ELF = concat([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], new Uint8Array(56));
const MZ = concat(
  utf8('MZ'),
  [0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0],
  new Uint8Array(48),
);

const DOCX = officeOpenXml(
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '/word/document.xml',
);
const XLSX = officeOpenXml(
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '/xl/workbook.xml',
);
const PPTX = officeOpenXml(
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '/ppt/presentation.xml',
);

async function refusal(bytes: Uint8Array, name: string): Promise<UploadError> {
  const error = await sniffUpload(bytes, name).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UploadError);
  expect((error as UploadError).name).toBe('UploadError');
  return error as UploadError;
}

describe('sniffUpload: allowed types', () => {
  it.each([
    ['a PDF', PDF, 'minutes.pdf', 'application/pdf', 'pdf'],
    ['a PNG', PNG, 'chart.png', 'image/png', 'png'],
    ['a JPEG named .jpeg', JPEG, 'photo.JPEG', 'image/jpeg', 'jpg'],
    [
      'a DOCX',
      DOCX,
      'report.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'docx',
    ],
    [
      'an XLSX',
      XLSX,
      'budget.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'xlsx',
    ],
    [
      'a PPTX',
      PPTX,
      'slides.pptx',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      'pptx',
    ],
    [
      'an ODT',
      openDocument('application/vnd.oasis.opendocument.text'),
      'notes.odt',
      'application/vnd.oasis.opendocument.text',
      'odt',
    ],
    [
      'an ODS',
      openDocument('application/vnd.oasis.opendocument.spreadsheet'),
      'data.ods',
      'application/vnd.oasis.opendocument.spreadsheet',
      'ods',
    ],
    [
      'an ODP',
      openDocument('application/vnd.oasis.opendocument.presentation'),
      'talk.odp',
      'application/vnd.oasis.opendocument.presentation',
      'odp',
    ],
  ])('accepts %s', async (_what, bytes, name, mime, extension) => {
    await expect(sniffUpload(bytes, name)).resolves.toEqual({ mime, extension });
  });

  it('decides by content when the name has no or an unknown extension', async () => {
    await expect(sniffUpload(PDF, 'minutes')).resolves.toEqual({
      mime: 'application/pdf',
      extension: 'pdf',
    });
    await expect(sniffUpload(DOCX, 'report.bin')).resolves.toMatchObject({ extension: 'docx' });
  });

  it('accepts UTF-8 text as plain text, CSV or Markdown by the name', async () => {
    const text = utf8('Réunion du groupe — 会议\r\nline two\tcolumn\n');
    await expect(sniffUpload(text, 'notes.txt')).resolves.toEqual({
      mime: 'text/plain',
      extension: 'txt',
    });
    await expect(sniffUpload(text, 'README')).resolves.toEqual({
      mime: 'text/plain',
      extension: 'txt',
    });
    await expect(sniffUpload(utf8('country,value\nNL,3\n'), 'data.CSV')).resolves.toEqual({
      mime: 'text/csv',
      extension: 'csv',
    });
    await expect(sniffUpload(utf8('# Plan\n\n- one\n'), 'plan.md')).resolves.toEqual({
      mime: 'text/markdown',
      extension: 'md',
    });
    await expect(sniffUpload(utf8('# Plan'), 'plan.markdown')).resolves.toMatchObject({
      extension: 'md',
    });
    // A byte-order mark is fine.
    await expect(sniffUpload(utf8('\uFEFFa,b\n'), 'x.csv')).resolves.toMatchObject({
      mime: 'text/csv',
    });
  });

  it('takes text that starts like a weak signature for text', async () => {
    // file-type reads "BM" as BMP, "ID3" as MP3 and "MZ" as an executable.
    await expect(sniffUpload(utf8('BMW,2024,3\nAudi,2024,4\n'), 'cars.csv')).resolves.toEqual({
      mime: 'text/csv',
      extension: 'csv',
    });
    await expect(sniffUpload(utf8('ID3 tags explained'), 'notes.txt')).resolves.toMatchObject({
      mime: 'text/plain',
    });
    await expect(sniffUpload(utf8('MZ region report'), 'notes.txt')).resolves.toMatchObject({
      mime: 'text/plain',
    });
  });
});

describe('sniffUpload: refusals', () => {
  it('refuses an empty file', async () => {
    const error = await refusal(new Uint8Array(), 'notes.txt');
    expect(error.reason).toBe('empty');
  });

  it.each([
    ['an ELF executable', ELF, 'tool.pdf'],
    ['an ELF executable without a name', ELF, 'tool'],
    ['a Windows executable', MZ, 'setup.exe'],
    ['a Windows executable named .txt', MZ, 'notes.txt'],
    ['a GIF', GIF, 'anim.gif'],
    ['a ZIP that is not an office document', zip([{ name: 'a.txt', content: 'hi' }]), 'a.zip'],
    [
      'a Java archive',
      zip([{ name: 'META-INF/MANIFEST.MF', content: 'Manifest-Version: 1.0\n' }]),
      'app.jar',
    ],
    [
      'an EPUB',
      zip([{ name: 'mimetype', content: 'application/epub+zip', stored: true }]),
      'book.epub',
    ],
    [
      'a macro-enabled Word document',
      officeOpenXml('application/vnd.ms-word.document.macroEnabled', '/word/document.xml'),
      'report.docm',
    ],
    [
      'a Word template',
      officeOpenXml(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.template',
        '/word/document.xml',
      ),
      'report.dotx',
    ],
    ['an HTML file named .txt', utf8('<!DOCTYPE html><html><body>hi</body></html>'), 'a.txt'],
    ['an HTML fragment named .md', utf8('  <script>alert(1)</script>'), 'a.md'],
    ['HTML after a short preface', utf8('Hello\n<iframe src="https://e.example/">'), 'a.txt'],
    ['an SVG', utf8('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'a.svg'],
    ['an SVG named .png', utf8('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'a.png'],
    ['an XML file', utf8('<?xml version="1.0"?><a/>'), 'a.txt'],
    ['a shell script named .pdf', utf8('#!/bin/sh\nrm -rf ~\n'), 'report.pdf'],
    ['a shell script named .txt', utf8('#!/bin/sh\nrm -rf ~\n'), 'run.txt'],
    ['a JavaScript file named .pdf', utf8('fetch("/api/me").then(r => r.json())'), 'x.pdf'],
    ['a JavaScript file', utf8('alert(document.cookie)'), 'x.js'],
    ['text named .html', utf8('just words'), 'page.html'],
    ['text named .docx', utf8('just words'), 'report.docx'],
    ['invalid UTF-8', concat(utf8('caf'), [0xe9], utf8(' au lait')), 'menu.txt'],
    ['a truncated UTF-8 sequence', concat(utf8('ok '), [0xe2, 0x82]), 'a.txt'],
    ['an overlong UTF-8 encoding', concat([0xc0, 0xaf], utf8(' etc')), 'a.txt'],
    ['text with a NUL byte', concat(utf8('abc'), [0], utf8('def')), 'a.txt'],
    ['UTF-16 text', new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x62, 0x00]), 'a.txt'],
    ['text with an escape character', utf8('red \u001b[31m text'), 'a.txt'],
  ])('refuses %s as a forbidden type', async (_what, bytes, name) => {
    const error = await refusal(bytes, name);
    expect(error.reason).toBe('forbidden_type');
  });

  it.each([
    ['a PNG named .pdf', PNG, 'report.pdf', 'PNG'],
    ['a PDF named .docx', PDF, 'report.docx', 'PDF'],
    ['a DOCX named .xlsx', DOCX, 'budget.xlsx', 'DOCX'],
    ['a JPEG named .png', JPEG, 'photo.png', 'JPG'],
    ['a PNG named .csv', PNG, 'data.csv', 'PNG'],
    ['an ODT named .odp', openDocument('application/vnd.oasis.opendocument.text'), 'a.odp', 'ODT'],
  ])('reports %s as a mismatch', async (_what, bytes, name, type) => {
    const error = await refusal(bytes, name);
    expect(error.reason).toBe('mismatch');
    expect(error.message).toContain(type);
  });
});

describe('UPLOAD_LIMIT_BYTES', () => {
  it('is 10 MiB', () => {
    expect(UPLOAD_LIMIT_BYTES).toBe(10_485_760);
  });
});

describe('safeDownloadName', () => {
  it('keeps an ordinary name as it is', () => {
    expect(safeDownloadName('Minutes 3 March (draft).pdf')).toBe('Minutes 3 March (draft).pdf');
    expect(safeDownloadName('Réunion — 会议.docx')).toBe('Réunion — 会议.docx');
  });

  it('strips path parts of either kind', () => {
    expect(safeDownloadName('../../etc/passwd')).toBe('passwd');
    expect(safeDownloadName('C:\\Users\\ana\\report.pdf')).toBe('report.pdf');
    expect(safeDownloadName('a/b\\c/..')).toBe('download');
  });

  it('removes control, bidirectional and zero-width characters', () => {
    expect(safeDownloadName('a\u0000b\r\nc\u007fd\u0085.txt')).toBe('abcd.txt');
    // Right-to-left override: shown as "invoiceexe.pdf" but really ends in .exe.
    expect(safeDownloadName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(safeDownloadName('a\u200Bb\u2066c\uFEFF.pdf')).toBe('abc.pdf');
  });

  it('replaces characters that are not allowed in file names and quoted headers', () => {
    expect(safeDownloadName('a"b<c>d:e|f?g*h.txt')).toBe('a_b_c_d_e_f_g_h.txt');
  });

  it('drops leading dots, trailing dots and spaces, and Windows device names', () => {
    expect(safeDownloadName('..hidden.txt')).toBe('hidden.txt');
    expect(safeDownloadName('  name.pdf. . ')).toBe('name.pdf');
    expect(safeDownloadName('CON.txt')).toBe('_CON.txt');
    expect(safeDownloadName('lpt1')).toBe('_lpt1');
    expect(safeDownloadName('console.txt')).toBe('console.txt');
  });

  it('gives "download" for a name with nothing left', () => {
    for (const name of ['', '...', '/', '\u0000\u0001', ' \t ']) {
      expect(safeDownloadName(name)).toBe('download');
    }
  });

  it('limits the length to 200 UTF-8 octets, keeping the extension and whole characters', () => {
    const long = safeDownloadName(`${'a'.repeat(300)}.pdf`);
    expect(long).toBe(`${'a'.repeat(196)}.pdf`);
    const wide = safeDownloadName(`${'😀é'.repeat(100)}.docx`);
    expect(new TextEncoder().encode(wide).length).toBeLessThanOrEqual(200);
    expect(wide.endsWith('.docx')).toBe(true);
    expect(wide).not.toMatch(
      /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
    );
    expect(safeDownloadName('b'.repeat(500))).toBe('b'.repeat(200));
  });

  it('composes decomposed accents (NFC)', () => {
    expect(safeDownloadName('Re\u0301union.txt')).toBe('Réunion.txt');
  });
});
