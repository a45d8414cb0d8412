import { Fragment } from 'react';
import type { SnippetPart } from '../../shared/cases.ts';

/** A highlighted passage: the parts that matched the query in <mark>, all as text (never HTML). */
export function Snippet({ parts }: { parts: readonly SnippetPart[] }) {
  return (
    <>
      {parts.map((part, i) =>
        part.hit ? <mark key={i}>{part.text}</mark> : <Fragment key={i}>{part.text}</Fragment>,
      )}
    </>
  );
}
