import { useRef, useState, type FormEvent } from 'react';
import {
  Button,
  Field,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Radio,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { STANCES, type Decision, type Stance } from '../../../shared/groups.ts';
import { ApiError } from '../../api.ts';
import {
  ballotFromChoices,
  choicesFromBallot,
  ordinal,
  repeatedChoice,
} from '../../groups-ballot.ts';
import { errorMessage } from '../../validation.ts';
import { FormErrorSummary, useFormErrors } from '../FormErrorSummary.tsx';
import { StatusMessage } from '../StatusMessage.tsx';
import { castVote } from './groups-api.ts';
import { useGroupLabels } from './groups-labels.ts';

type Field = 'stance' | 'reason' | 'ranking';

/**
 * A member's vote, changeable until the decision closes: a stance with its reason on a
 * proposal, one option in a single-choice poll, or a ranking (a select per rank) in a ranked
 * poll. The server refuses a ballot that ranks an option twice; the form says which and where.
 */
export function VoteSection({
  decision,
  onVoted,
}: {
  decision: Decision;
  onVoted: (decision: Decision) => Promise<void>;
}) {
  const { t } = useGroupLabels();
  const [status, setStatus] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const voted = async (updated: Decision) => {
    setStatus(t('decisions.voteSaved'));
    await onVoted(updated);
    headingRef.current?.focus();
  };
  return (
    <section aria-labelledby="decision-vote-heading" className="stack section">
      <Heading level={2} data-size="sm" id="decision-vote-heading" ref={headingRef} tabIndex={-1}>
        {decision.kind === 'proposal' ? t('decisions.stanceHeading') : t('decisions.voteHeading')}
      </Heading>
      <StatusMessage message={status} />
      <Paragraph>{t('decisions.voteLead')}</Paragraph>
      {decision.kind === 'proposal' ? (
        <StanceForm decision={decision} onVoted={voted} onStart={() => setStatus(null)} />
      ) : decision.kind === 'single_choice' ? (
        <ChoiceForm decision={decision} onVoted={voted} onStart={() => setStatus(null)} />
      ) : (
        <RankedForm decision={decision} onVoted={voted} onStart={() => setStatus(null)} />
      )}
    </section>
  );
}

type FormProps = {
  decision: Decision;
  onVoted: (decision: Decision) => Promise<void>;
  onStart: () => void;
};

/** Sends a vote; a 400 on a field shows there (with `messages[field]` when given). */
function useVote(decision: Decision, onVoted: FormProps['onVoted']) {
  const { t: tc } = useTranslation();
  const form = useFormErrors<Field>();
  const [busy, setBusy] = useState(false);
  async function send(
    vote: { stance?: Stance; reason?: string; ranking?: string[] },
    messages: (field: Field) => string,
  ) {
    if (busy) return;
    setBusy(true);
    try {
      const updated = await castVote(decision.id, { reason: '', ...vote });
      form.clear();
      await onVoted(updated);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.fieldIssues.length > 0) {
        const fields: Partial<Record<Field, string>> = {};
        for (const issue of error.fieldIssues) {
          const field = (['stance', 'reason', 'ranking'] as const).find((f) =>
            issue.path.startsWith(f),
          );
          if (field) fields[field] ??= messages(field);
        }
        form.show(fields, Object.keys(fields).length ? null : tc('validation.invalid'));
      } else if (error instanceof ApiError && error.code === 'closed') {
        form.show({}, tc('errors.conflict'));
      } else {
        form.show({}, errorMessage(tc, error));
      }
    } finally {
      setBusy(false);
    }
  }
  return { form, busy, send };
}

function StanceForm({ decision, onVoted, onStart }: FormProps) {
  const { t, stance: stanceLabel } = useGroupLabels();
  const { form, busy, send } = useVote(decision, onVoted);
  const [stance, setStance] = useState<Stance | ''>(decision.myVote?.stance ?? '');
  const [reason, setReason] = useState(decision.myVote?.reason ?? '');

  function submit(event: FormEvent) {
    event.preventDefault();
    onStart();
    const problems: Partial<Record<Field, string>> = {};
    if (stance === '') problems.stance = t('decisions.chooseStance');
    else if (stance !== 'agree' && reason.trim() === '')
      problems.reason = t('decisions.reasonNeeded', { stance: stanceLabel(stance) });
    if (stance === '' || problems.reason) {
      form.show(problems);
      return;
    }
    void send({ stance, reason: reason.trim() }, (field) =>
      field === 'reason'
        ? t('decisions.reasonNeeded', { stance: stanceLabel(stance) })
        : t('decisions.chooseStance'),
    );
  }

  return (
    <>
      <FormErrorSummary
        fields={[
          { name: 'stance', id: 'vote-stance-agree', label: t('decisions.stance') },
          { name: 'reason', id: 'vote-reason', label: t('decisions.reason') },
        ]}
        {...form}
      />
      <form noValidate onSubmit={submit} className="stack narrow">
        <Fieldset>
          <Fieldset.Legend>{t('decisions.stance')}</Fieldset.Legend>
          {STANCES.values.map((s) => (
            <Radio
              key={s}
              id={`vote-stance-${s}`}
              name="vote-stance"
              value={s}
              label={stanceLabel(s)}
              description={t(`decisions.stanceHints.${s}`)}
              checked={stance === s}
              aria-invalid={form.errors.stance ? true : undefined}
              onChange={() => setStance(s)}
            />
          ))}
          {form.errors.stance && <ValidationMessage>{form.errors.stance}</ValidationMessage>}
        </Fieldset>
        <Textfield
          id="vote-reason"
          label={t('decisions.reason')}
          description={t('decisions.reasonHint')}
          multiline
          rows={3}
          maxLength={2000}
          value={reason}
          error={form.errors.reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <div>
          <Button type="submit" loading={busy}>
            {t('decisions.saveStance')}
          </Button>
        </div>
      </form>
    </>
  );
}

function ChoiceForm({ decision, onVoted, onStart }: FormProps) {
  const { t } = useGroupLabels();
  const { form, busy, send } = useVote(decision, onVoted);
  const [choice, setChoice] = useState(decision.myVote?.ranking[0] ?? '');
  const firstId = `vote-choice-${decision.options[0]?.id ?? ''}`;

  function submit(event: FormEvent) {
    event.preventDefault();
    onStart();
    if (choice === '') {
      form.show({ ranking: t('decisions.chooseOption') });
      return;
    }
    void send({ ranking: [choice] }, () => t('decisions.chooseOption'));
  }

  return (
    <>
      <FormErrorSummary
        fields={[{ name: 'ranking', id: firstId, label: t('decisions.yourChoice') }]}
        {...form}
      />
      <form noValidate onSubmit={submit} className="stack narrow">
        <Fieldset>
          <Fieldset.Legend>{t('decisions.yourChoice')}</Fieldset.Legend>
          {decision.options.map((o) => (
            <Radio
              key={o.id}
              id={`vote-choice-${o.id}`}
              name="vote-choice"
              value={o.id}
              label={o.label}
              checked={choice === o.id}
              aria-invalid={form.errors.ranking ? true : undefined}
              onChange={() => setChoice(o.id)}
            />
          ))}
          {form.errors.ranking && <ValidationMessage>{form.errors.ranking}</ValidationMessage>}
        </Fieldset>
        <div>
          <Button type="submit" loading={busy}>
            {t('decisions.castVote')}
          </Button>
        </div>
      </form>
    </>
  );
}

function RankedForm({ decision, onVoted, onStart }: FormProps) {
  const { t, lang } = useGroupLabels();
  const { form, busy, send } = useVote(decision, onVoted);
  const [choices, setChoices] = useState(() =>
    choicesFromBallot(decision.myVote?.ranking ?? [], decision.options.length),
  );
  const label = (id: string) => decision.options.find((o) => o.id === id)?.label ?? id;

  function submit(event: FormEvent) {
    event.preventDefault();
    onStart();
    const ballot = ballotFromChoices(choices);
    if (ballot.length === 0) {
      form.show({ ranking: t('decisions.rankOne') });
      return;
    }
    // A repeat is left to the server to refuse (it is the one rule); its answer names no
    // option, so the form finds the repeat in the ballot it sent to say which and where.
    void send({ ranking: ballot }, () => {
      const repeated = repeatedChoice(ballot);
      return repeated
        ? t('decisions.repeated', {
            option: label(repeated.option),
            first: ordinal(repeated.ranks[0], lang),
            second: ordinal(repeated.ranks[1], lang),
          })
        : t('decisions.ballotInvalid');
    });
  }

  return (
    <>
      <FormErrorSummary
        fields={[{ name: 'ranking', id: 'vote-rank-1', label: t('decisions.yourRanking') }]}
        {...form}
      />
      <form noValidate onSubmit={submit} className="stack narrow">
        <Fieldset>
          <Fieldset.Legend>{t('decisions.yourRanking')}</Fieldset.Legend>
          <Fieldset.Description>{t('decisions.rankingHint')}</Fieldset.Description>
          {choices.map((value, i) => (
            <Field key={i}>
              <Label>{t('decisions.rank', { ordinal: ordinal(i + 1, lang) })}</Label>
              <Select
                id={`vote-rank-${i + 1}`}
                value={value}
                aria-invalid={form.errors.ranking ? true : undefined}
                onChange={(e) => setChoices((c) => c.map((v, j) => (j === i ? e.target.value : v)))}
              >
                <Select.Option value="">{t('decisions.noChoice')}</Select.Option>
                {decision.options.map((o) => (
                  <Select.Option key={o.id} value={o.id}>
                    {o.label}
                  </Select.Option>
                ))}
              </Select>
            </Field>
          ))}
          {form.errors.ranking && <ValidationMessage>{form.errors.ranking}</ValidationMessage>}
        </Fieldset>
        <div>
          <Button type="submit" loading={busy}>
            {t('decisions.castBallot')}
          </Button>
        </div>
      </form>
    </>
  );
}
