import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { Field, Input, Label } from '@digdir/designsystemet-react';
import type { NetworkNode } from '../../../shared/network.ts';
import { searchNodes } from '../../network-view.ts';
import { useNetworkTranslation } from './network-i18n.ts';
import { useNodeLabels } from './node-labels.ts';

const MAX_MATCHES = 12;

/**
 * Find a node by name: a combobox (WAI-ARIA 1.2, list autocomplete). Typing lists the matches;
 * the arrow keys move through them, Enter chooses (the first match when none is marked),
 * Escape closes the list and then clears the text.
 */
export function NodeSearch({
  nodes,
  selected,
  onSelect,
}: {
  nodes: readonly NetworkNode[];
  selected: NetworkNode | null;
  onSelect: (id: string) => void;
}) {
  const { t } = useNetworkTranslation();
  const names = useNodeLabels();
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const [text, setText] = useState(selected?.label ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  // A node chosen elsewhere (in the picture, in the list of neighbours) shows here too.
  const [shownId, setShownId] = useState(selected?.id ?? null);
  if (shownId !== (selected?.id ?? null)) {
    setShownId(selected?.id ?? null);
    setText(selected?.label ?? '');
    setOpen(false);
  }
  const matches = useMemo(() => searchNodes(nodes, text, MAX_MATCHES), [nodes, text]);
  const expanded = open && text.trim() !== '';

  function choose(node: NetworkNode) {
    setText(node.label);
    setOpen(false);
    setActive(-1);
    setShownId(node.id);
    onSelect(node.id);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setOpen(true);
        if (matches.length > 0) setActive((a) => (a + 1) % matches.length);
        break;
      case 'ArrowUp':
        event.preventDefault();
        setOpen(true);
        if (matches.length > 0) setActive((a) => (a <= 0 ? matches.length - 1 : a - 1));
        break;
      case 'Enter': {
        const node = matches[active] ?? (expanded ? matches[0] : undefined);
        if (node) {
          event.preventDefault();
          choose(node);
        }
        break;
      }
      case 'Escape':
        if (expanded) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (text !== '') {
          event.preventDefault();
          setText('');
        }
        break;
    }
  }

  const status = !expanded
    ? ''
    : matches.length === 0
      ? t('search.noMatch')
      : t('search.matches', { count: matches.length });

  return (
    <div className="node-search">
      <Field data-size="sm">
        <Label htmlFor={inputId}>{t('search.label')}</Label>
        <Field.Description id={hintId}>{t('search.hint')}</Field.Description>
        <Input
          id={inputId}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={expanded && matches.length > 0}
          aria-controls={listId}
          aria-describedby={hintId}
          aria-activedescendant={
            expanded && active >= 0 && active < matches.length ? `${listId}-${active}` : undefined
          }
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
        />
      </Field>
      <ul
        id={listId}
        role="listbox"
        aria-label={t('search.listLabel')}
        className="node-search-list"
        hidden={!expanded || matches.length === 0}
      >
        {matches.map((node, i) => {
          const where = [names.kind(node.kind), names.country(node.country)]
            .filter(Boolean)
            .join(' · ');
          return (
            <li
              key={node.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'node-search-option active' : 'node-search-option'}
              // Keep focus in the field, so the click lands before the list closes.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(node)}
            >
              <span className="node-search-name">{node.label}</span>
              {where && (
                <>
                  <span className="visually-hidden">, </span>
                  <span className="node-search-meta">{where}</span>
                </>
              )}
            </li>
          );
        })}
      </ul>
      <div role="status" className="visually-hidden">
        {status}
      </div>
    </div>
  );
}
