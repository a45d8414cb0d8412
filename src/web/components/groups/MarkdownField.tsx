import { useRef, useState } from 'react';
import {
  Button,
  Field,
  Label,
  Select,
  Textarea,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import type { GroupMember } from '../../../shared/groups.ts';
import { insertAtCursor, mentionMarkdown } from '../../groups-format.ts';
import { useGroupLabels } from './groups-labels.ts';

/**
 * A Markdown text area with, when `members` are given, a "mention a member" picker: a select of
 * the group's members and a button that writes `@[Name](user:<id>)` where the cursor was, then
 * puts the cursor back after it. Everything works with the keyboard alone.
 */
export function MarkdownField({
  id,
  label,
  description,
  value,
  onChange,
  error,
  members,
  rows = 6,
  maxLength = 20_000,
}: {
  id: string;
  label: string;
  description?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  members?: readonly GroupMember[];
  rows?: number;
  maxLength?: number;
}) {
  const { t } = useGroupLabels();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [pick, setPick] = useState('');
  const [said, setSaid] = useState('');

  function insert() {
    const member = members?.find((m) => m.user.id === pick);
    const area = ref.current;
    if (!member || !area) return;
    const next = insertAtCursor(
      value,
      area.selectionStart ?? value.length,
      area.selectionEnd ?? value.length,
      mentionMarkdown(member.user.name, member.user.id),
    );
    onChange(next.value);
    setSaid(t('markdown.mentionInserted', { name: member.user.name }));
    setPick('');
    // After React has written the new value: back to the text, the cursor after the mention.
    requestAnimationFrame(() => {
      area.focus();
      area.setSelectionRange(next.caret, next.caret);
    });
  }

  return (
    <div className="stack markdown-field">
      <Field>
        <Label>{label}</Label>
        <Field.Description>{description ?? t('markdown.hint')}</Field.Description>
        <Textarea
          id={id}
          ref={ref}
          rows={rows}
          maxLength={maxLength}
          value={value}
          aria-invalid={error ? true : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
        {error && <ValidationMessage>{error}</ValidationMessage>}
      </Field>
      {members && members.length > 0 && (
        <div className="inline-form mention-picker">
          <Field>
            <Label>{t('markdown.mention')}</Label>
            <Select id={`${id}-mention`} value={pick} onChange={(e) => setPick(e.target.value)}>
              <Select.Option value="">{t('markdown.chooseMember')}</Select.Option>
              {members.map((m) => (
                <Select.Option key={m.user.id} value={m.user.id}>
                  {m.user.name}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Button
            type="button"
            variant="secondary"
            data-size="sm"
            disabled={pick === ''}
            onClick={insert}
          >
            {t('markdown.insertMention')}
          </Button>
        </div>
      )}
      <div role="status" className="visually-hidden">
        {said}
      </div>
    </div>
  );
}
