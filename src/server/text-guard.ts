import type { FieldIssue } from '../shared/errors.ts';

// PostgreSQL text cannot hold U+0000, and a lone surrogate would be stored as U+FFFD: refuse both.
// eslint-disable-next-line no-control-regex -- matching U+0000 is the point
const BAD_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Finds strings (values or keys) in parsed input that the database cannot store faithfully. */
export function findUnstorableText(input: unknown, root = ''): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const stack: [unknown, string][] = [[input, root]];
  while (stack.length > 0 && issues.length < 20) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (BAD_TEXT.test(value)) {
        issues.push({
          path: path || 'body',
          message: 'contains a NUL character or invalid Unicode',
        });
      }
    } else if (value && typeof value === 'object' && !ArrayBuffer.isView(value)) {
      // Bytes (an uploaded file) are not text: they are checked by what reads them.
      for (const [k, v] of Object.entries(value)) {
        const p = path ? `${path}.${k}` : k;
        if (BAD_TEXT.test(k))
          issues.push({ path: p, message: 'field name contains invalid characters' });
        stack.push([v, p]);
      }
    }
  }
  return issues;
}
