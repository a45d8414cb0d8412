import { describe, expect, it } from 'vitest';
import {
  byCollection,
  fillMonths,
  formatFileSize,
  formatMonth,
  idFromAddress,
  insertAtCursor,
  mentionMarkdown,
  mixPhrase,
  monthOf,
  threadOrder,
  uploadProblem,
  UPLOAD_LIMIT_BYTES,
} from './groups-format.ts';

const ID = '0d1e2f30-4a5b-4c6d-8e7f-8091a2b3c4d5';

describe('file sizes and uploads', () => {
  it('writes sizes in binary units, in the language', () => {
    expect(formatFileSize(12, 'en')).toBe('12 B');
    expect(formatFileSize(350 * 1024, 'en')).toBe('350 KiB');
    expect(formatFileSize(2_621_440, 'en')).toBe('2.5 MiB');
    expect(formatFileSize(2_621_440, 'nl')).toBe('2,5 MiB');
    expect(formatFileSize(UPLOAD_LIMIT_BYTES, 'en')).toBe('10 MiB');
  });

  it("tells the server's reasons for refusing a file apart", () => {
    expect(uploadProblem('This file cannot be uploaded: the file is empty')).toBe('empty');
    expect(
      uploadProblem('This file cannot be uploaded: the file is named .pdf but its content is PNG'),
    ).toBe('mismatch');
    expect(uploadProblem('files of type text/html cannot be uploaded')).toBe('forbiddenType');
    expect(uploadProblem('HTML, XML, SVG and scripts cannot be uploaded')).toBe('forbiddenType');
  });
});

describe('idFromAddress', () => {
  it('takes a bare id or the id in an address of the page', () => {
    expect(idFromAddress(` ${ID.toUpperCase()} `, 'cases')).toBe(ID);
    expect(idFromAddress(`https://connective.example/cases/${ID}`, 'cases')).toBe(ID);
    expect(idFromAddress(`/cases/${ID}?tab=codes`, 'cases')).toBe(ID);
    expect(idFromAddress(`https://x.example/qca/analyses/${ID}`, 'qca/analyses')).toBe(ID);
  });

  it('is null for anything else', () => {
    expect(idFromAddress('', 'cases')).toBeNull();
    expect(idFromAddress('a case about bins', 'cases')).toBeNull();
    expect(idFromAddress(`https://x.example/needs/${ID}`, 'cases')).toBeNull();
    expect(idFromAddress(`https://x.example/cases/${ID}x`, 'cases')).toBeNull();
  });
});

describe('mentions', () => {
  it('writes a mention the server renders, without brackets or line breaks in the name', () => {
    expect(mentionMarkdown('Ana Lima', ID)).toBe(`@[Ana Lima](user:${ID})`);
    expect(mentionMarkdown('Ana [NL]\nLima', ID)).toBe(`@[Ana NL Lima](user:${ID})`);
    expect(mentionMarkdown('x'.repeat(150), ID)).toBe(`@[${'x'.repeat(100)}](user:${ID})`);
  });

  it('inserts at the cursor with spaces around it, and puts the caret after it', () => {
    expect(insertAtCursor('Hello world', 6, 6, '@X')).toEqual({
      value: 'Hello @X world',
      caret: 9,
    });
    expect(insertAtCursor('Hello', 5, 5, '@X')).toEqual({ value: 'Hello @X ', caret: 9 });
    expect(insertAtCursor('', 0, 0, '@X')).toEqual({ value: '@X ', caret: 3 });
    // A selection is replaced.
    expect(insertAtCursor('Hi Bob!', 3, 6, '@X')).toEqual({ value: 'Hi @X !', caret: 6 });
  });
});

describe('threadOrder', () => {
  const post = (id: string, parentId: string | null = null) => ({ id, parentId });

  it('puts each reply after the post it answers, in the order written', () => {
    const placed = threadOrder([
      post('a'),
      post('b'),
      post('c', 'a'),
      post('d', 'c'),
      post('e', 'a'),
    ]);
    expect(placed.map((p) => `${p.post.id}${p.depth}${p.parent?.id ?? '-'}`)).toEqual([
      'a0-',
      'c1a',
      'd2c',
      'e1a',
      'b0-',
    ]);
  });

  it('shows a reply to a post it does not have as a post of its own', () => {
    expect(threadOrder([post('a', 'gone')]).map((p) => [p.post.id, p.depth])).toEqual([['a', 0]]);
  });
});

describe('activity by month', () => {
  it('fills the months between with zeros', () => {
    const rows = fillMonths([
      { month: '2025-11', posts: 2, votes: 0, meetings: 1 },
      { month: '2026-02', posts: 1, votes: 4, meetings: 0 },
    ]);
    expect(rows.map((r) => r.month)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(rows[1]).toEqual({ month: '2025-12', posts: 0, votes: 0, meetings: 0 });
    expect(rows[3]).toEqual({ month: '2026-02', posts: 1, votes: 4, meetings: 0 });
    expect(fillMonths([])).toEqual([]);
  });

  it('stops at a given month, leaving out what is planned after it', () => {
    const rows = fillMonths(
      [
        { month: '2026-01', posts: 2, votes: 0, meetings: 0 },
        { month: '2030-06', posts: 0, votes: 0, meetings: 1 },
      ],
      '2026-03',
    );
    expect(rows.map((r) => r.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(fillMonths([{ month: '2030-06', posts: 0, votes: 0, meetings: 1 }], '2026-03')).toEqual(
      [],
    );
    expect(monthOf(new Date('2026-03-31T23:00:00Z'))).toBe('2026-03');
  });

  it('names the month in the language', () => {
    expect(formatMonth('2026-03', 'en')).toBe('March 2026');
    expect(formatMonth('2026-03', 'nl')).toBe('maart 2026');
  });
});

describe('mixPhrase', () => {
  it('says how many come from policy and academia, and their share', () => {
    expect(mixPhrase({ policy: 2, academia: 1, share: 0.75 }, 4, 'en')).toEqual({
      key: 'mixBoth',
      params: { policy: 2, academia: 1, together: 3, members: 4, share: '75%' },
    });
    expect(mixPhrase({ policy: 1, academia: 0, share: 0.5 }, 2, 'nl').key).toBe('mixPolicyOnly');
    expect(mixPhrase({ policy: 0, academia: 3, share: 1 }, 3, 'en').key).toBe('mixAcademiaOnly');
    expect(mixPhrase({ policy: 0, academia: 0, share: 0 }, 3, 'en').key).toBe('mixNeither');
    expect(mixPhrase({ policy: 0, academia: 0, share: null }, 0, 'en')).toEqual({ key: 'mixNone' });
  });
});

describe('byCollection', () => {
  it('groups items by collection, collections sorted', () => {
    const groups = byCollection(
      [
        { id: 1, collection: 'Reports' },
        { id: 2, collection: 'General' },
        { id: 3, collection: 'Reports' },
      ],
      'en',
    );
    expect(groups.map((g) => [g.collection, g.items.map((i) => i.id)])).toEqual([
      ['General', [2]],
      ['Reports', [1, 3]],
    ]);
  });
});
