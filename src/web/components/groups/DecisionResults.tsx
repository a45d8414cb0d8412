import { Alert, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { Decision } from '../../../shared/groups.ts';
import { rankedRoundRows } from '../../groups-ballot.ts';
import { ChartFigure } from '../ChartFigure.tsx';
import { KindBars } from '../exchange/KindBars.tsx';
import { useGroupLabels } from './groups-labels.ts';

/**
 * The results of a decision as far as they are shown: stances with their counts and reasons
 * (and whether anyone blocks), the votes per option of a single-choice poll, or a ranked count
 * round by round with its winner or tie. Hidden results say when they will be shown.
 */
export function DecisionResults({ decision }: { decision: Decision }) {
  const { t, instant } = useGroupLabels();
  const results = decision.results;
  return (
    <section aria-labelledby="decision-results-heading" className="stack section">
      <Heading level={2} data-size="sm" id="decision-results-heading">
        {t('results.heading')}
      </Heading>
      <Paragraph>{t('results.votes', { count: decision.votes })}</Paragraph>
      {results === null ? (
        <Paragraph>{t('results.hidden', { date: instant(decision.closesAt) })}</Paragraph>
      ) : decision.kind === 'proposal' ? (
        <Stances decision={decision} results={results} />
      ) : decision.kind === 'single_choice' ? (
        <Choices decision={decision} results={results} />
      ) : (
        <Rounds decision={decision} results={results} />
      )}
    </section>
  );
}

type Results = NonNullable<Decision['results']>;

function Stances({ decision, results }: { decision: Decision; results: Results }) {
  const { t, stance } = useGroupLabels();
  return (
    <>
      {results.blocked && (
        <Alert data-color="warning">
          <Paragraph>
            {decision.closed ? t('results.blockedClosed') : t('results.blocked')}
          </Paragraph>
        </Alert>
      )}
      <div className="table-scroll">
        <Table zebra border>
          <caption>{t('results.stancesCaption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('results.colStance')}</Table.HeaderCell>
              <Table.HeaderCell scope="col" className="numeric">
                {t('results.colMembers')}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('results.colReasons')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {results.stances.map((s) => (
              <Table.Row key={s.stance}>
                <Table.HeaderCell scope="row">{stance(s.stance)}</Table.HeaderCell>
                <Table.Cell className="numeric">{s.count}</Table.Cell>
                <Table.Cell>
                  {s.reasons.length === 0 ? (
                    t('results.noReasons')
                  ) : (
                    <ul className="plain-list reason-list">
                      {s.reasons.map((r, i) => (
                        <li key={i} className="prose">
                          <strong>{r.name ?? t('common.formerMember')}:</strong> {r.reason}
                        </li>
                      ))}
                    </ul>
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </>
  );
}

function Choices({ decision, results }: { decision: Decision; results: Results }) {
  const { t, lang } = useGroupLabels();
  const rows = decision.options.map((o) => ({
    label: o.label,
    votes: results.choices.find((c) => c.option === o.id)?.votes ?? 0,
  }));
  return (
    <ChartFigure
      id="decision-choices"
      level={3}
      heading={t('results.choicesHeading')}
      filename="poll-results.csv"
      stacked
      chart={
        <KindBars
          label={t('results.choicesChart', {
            summary: rows
              .map((r) => t('results.optionVotes', { option: r.label, count: r.votes }))
              .join('; '),
          })}
          rows={rows.map((r) => ({ label: r.label, values: [r.votes] }))}
          series={[{ name: t('results.colVotes'), barClass: 'bar', swatchClass: 'swatch-bar' }]}
          legendLabel={t('results.choicesHeading')}
          lang={lang}
        />
      }
      table={{
        caption: t('results.choicesCaption'),
        columns: [t('results.colOption'), t('results.colVotes')],
        rows: rows.map((r) => [r.label, r.votes]),
      }}
    />
  );
}

function Rounds({ decision, results }: { decision: Decision; results: Results }) {
  const { t, lang } = useGroupLabels();
  const label = (id: string) => decision.options.find((o) => o.id === id)?.label ?? id;
  const rows = rankedRoundRows(
    decision.options.map((o) => o.id),
    results.rounds,
  );
  const outcome = results.winner
    ? t('results.winner', { option: label(results.winner), count: results.rounds.length })
    : results.tie
      ? t('results.tie', {
          options: new Intl.ListFormat(lang, { type: 'conjunction' }).format(
            results.tie.map(label),
          ),
        })
      : t('results.noWinner');
  return (
    <>
      <Paragraph className="result-outcome">{outcome}</Paragraph>
      <Paragraph>{t('results.roundsLead')}</Paragraph>
      <div
        className="table-scroll"
        role="region"
        aria-label={t('results.roundsCaption')}
        tabIndex={0}
      >
        <Table zebra border>
          <caption>{t('results.roundsCaption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('results.colOption')}</Table.HeaderCell>
              {results.rounds.map((_, i) => (
                <Table.HeaderCell key={i} scope="col" className="numeric">
                  {t('results.round', { n: i + 1 })}
                </Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((row) => (
              <Table.Row key={row.option}>
                <Table.HeaderCell scope="row">
                  {label(row.option)}
                  {row.option === results.winner && (
                    <span className="cell-note">{t('results.winnerNote')}</span>
                  )}
                </Table.HeaderCell>
                {row.votes.map((votes, i) => (
                  <Table.Cell key={i} className="numeric">
                    {votes === null ? (
                      <>
                        <span aria-hidden="true">–</span>
                        <span className="visually-hidden">{t('results.out')}</span>
                      </>
                    ) : (
                      votes
                    )}
                    {row.eliminatedIn === i + 1 && (
                      <span className="cell-note">{t('results.eliminated')}</span>
                    )}
                  </Table.Cell>
                ))}
              </Table.Row>
            ))}
            <Table.Row>
              <Table.HeaderCell scope="row">{t('results.exhausted')}</Table.HeaderCell>
              {results.rounds.map((r, i) => (
                <Table.Cell key={i} className="numeric">
                  {r.exhausted}
                </Table.Cell>
              ))}
            </Table.Row>
            <Table.Row>
              <Table.HeaderCell scope="row">{t('results.majority')}</Table.HeaderCell>
              {results.rounds.map((r, i) => (
                <Table.Cell key={i} className="numeric">
                  {r.majority}
                </Table.Cell>
              ))}
            </Table.Row>
          </Table.Body>
        </Table>
      </div>
    </>
  );
}
