import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Field,
  Heading,
  Label,
  List,
  Paragraph,
  Select,
  Table,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { FACTORS } from '../../shared/case-vocabulary.ts';
import { AGREEMENT_CATEGORIES, type Agreement, type CoderList } from '../../shared/cases.ts';
import { getAgreement, listCoders } from '../api.ts';
import { kappaBand } from '../agreement.ts';
import { useLabels } from '../case-labels.ts';
import { AppLink } from '../components/AppLink.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { Loading } from '../components/Loading.tsx';
import { NotSet } from '../components/NotSet.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { usePageTitle } from '../pageTitle.ts';
import { casesKey } from '../queries.ts';

export function CodingAgreementPage() {
  const { t } = useTranslation();
  usePageTitle(t('agreement.title'));
  const coders = useQuery({ queryKey: [...casesKey, 'coders'], queryFn: listCoders });

  return (
    <div className="stack">
      <PageHeading>{t('agreement.title')}</PageHeading>
      <Paragraph>{t('agreement.lead')}</Paragraph>
      <Paragraph>
        <AppLink to="/cases">{t('case.backToLibrary')}</AppLink>
      </Paragraph>
      {coders.isPending && <Loading />}
      {coders.isError && <LoadError error={coders.error} onRetry={() => void coders.refetch()} />}
      {coders.data &&
        (coders.data.items.length < 2 ? (
          <Alert data-color="info">
            <Paragraph>{t('agreement.tooFew')}</Paragraph>
          </Alert>
        ) : (
          <AgreementView coders={coders.data} />
        ))}
    </div>
  );
}

function AgreementView({ coders }: { coders: CoderList }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const known = (key: string | null) => coders.items.some((c) => c.key === key);
  const coderA = known(params.get('coderA')) ? (params.get('coderA') ?? '') : '';
  const coderB = known(params.get('coderB')) ? (params.get('coderB') ?? '') : '';
  const [draft, setDraft] = useState({ a: coderA, b: coderB });
  const [shown, setShown] = useState(`${coderA}|${coderB}`);
  if (shown !== `${coderA}|${coderB}`) {
    setShown(`${coderA}|${coderB}`);
    setDraft({ a: coderA, b: coderB });
  }
  const [error, setError] = useState<string | null>(null);
  const ready = coderA !== '' && coderB !== '' && coderA !== coderB;

  const agreement = useQuery({
    queryKey: [...casesKey, 'agreement', coderA, coderB],
    queryFn: () => getAgreement(coderA, coderB),
    enabled: ready,
    placeholderData: keepPreviousData,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!draft.a || !draft.b) {
      setError(t('agreement.chooseBoth'));
      return;
    }
    if (draft.a === draft.b) {
      setError(t('agreement.chooseTwo'));
      return;
    }
    setError(null);
    setParams(new URLSearchParams({ coderA: draft.a, coderB: draft.b }));
  }

  const option = (c: CoderList['items'][number]) => (
    <Select.Option key={c.key} value={c.key}>
      {t('agreement.coderOption', { name: c.name, cases: c.cases, codes: c.codes })}
    </Select.Option>
  );

  return (
    <>
      <form noValidate onSubmit={submit} className="filters agreement-form">
        <Field>
          <Label>{t('agreement.coderA')}</Label>
          <Select
            id="agreement-coder-a"
            value={draft.a}
            aria-invalid={error && !draft.a ? true : undefined}
            onChange={(e) => setDraft({ ...draft, a: e.target.value })}
          >
            <Select.Option value="" disabled>
              {t('agreement.chooseCoder')}
            </Select.Option>
            {coders.items.map(option)}
          </Select>
        </Field>
        <Field>
          <Label>{t('agreement.coderB')}</Label>
          <Select
            id="agreement-coder-b"
            value={draft.b}
            aria-invalid={error && (!draft.b || draft.a === draft.b) ? true : undefined}
            onChange={(e) => setDraft({ ...draft, b: e.target.value })}
          >
            <Select.Option value="" disabled>
              {t('agreement.chooseCoder')}
            </Select.Option>
            {coders.items.map(option)}
          </Select>
        </Field>
        <div className="filters-actions">
          <Button type="submit">{t('agreement.submit')}</Button>
        </div>
        {error && (
          <ValidationMessage role="alert" className="agreement-error">
            {error}
          </ValidationMessage>
        )}
      </form>
      <div role="status" className="results-status">
        {agreement.isFetching && <Paragraph>{t('agreement.computing')}</Paragraph>}
        {agreement.data && !agreement.isFetching && (
          <Paragraph>
            {agreement.data.kappa === null
              ? t('agreement.kappaUndefinedStatus')
              : t('agreement.kappaStatus', { kappa: agreement.data.kappa.toFixed(2) })}
          </Paragraph>
        )}
      </div>
      {agreement.isError && (
        <LoadError error={agreement.error} onRetry={() => void agreement.refetch()} />
      )}
      {ready && agreement.data && <AgreementResult agreement={agreement.data} />}
    </>
  );
}

function AgreementResult({ agreement }: { agreement: Agreement }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 3 });
  const percent = new Intl.NumberFormat(i18n.language, {
    style: 'percent',
    maximumFractionDigits: 1,
  });
  const a = agreement.coderA.name;
  const b = agreement.coderB.name;
  const category = (c: (typeof AGREEMENT_CATEGORIES)[number]) => t(`agreement.category.${c}`);
  const rowTotals = agreement.matrix.map((row) => row.reduce((s, n) => s + n, 0));
  const columnTotals = AGREEMENT_CATEGORIES.map((_, j) =>
    agreement.matrix.reduce((s, row) => s + (row[j] ?? 0), 0),
  );

  return (
    <>
      <section aria-labelledby="agreement-summary" className="stack section">
        <Heading level={2} data-size="sm" id="agreement-summary">
          {t('agreement.summaryHeading', { a, b })}
        </Heading>
        <dl className="details-list">
          <dt>{t('agreement.kappa')}</dt>
          <dd>
            {agreement.kappa === null ? (
              t('agreement.kappaUndefined')
            ) : (
              <>
                {number.format(agreement.kappa)}{' '}
                <span className="cell-note">
                  {t(`agreement.band.${kappaBand(agreement.kappa)}`)}
                </span>
              </>
            )}
          </dd>
          <dt>{t('agreement.observed')}</dt>
          <dd>{agreement.observed === null ? <NotSet /> : percent.format(agreement.observed)}</dd>
          <dt>{t('agreement.expected')}</dt>
          <dd>{agreement.expected === null ? <NotSet /> : percent.format(agreement.expected)}</dd>
          <dt>{t('agreement.cases')}</dt>
          <dd>{agreement.cases.length}</dd>
          <dt>{t('agreement.units')}</dt>
          <dd>{agreement.units}</dd>
        </dl>
        <Paragraph data-size="sm">{t('agreement.method')}</Paragraph>
      </section>

      <section aria-labelledby="agreement-matrix" className="stack section">
        <Heading level={2} data-size="sm" id="agreement-matrix">
          {t('agreement.matrixHeading')}
        </Heading>
        <div className="table-scroll">
          <Table border data-size="sm" className="matrix-table">
            <caption>{t('agreement.matrixCaption', { a, b })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.Cell>
                  <span className="visually-hidden">{t('agreement.matrixCorner', { a, b })}</span>
                </Table.Cell>
                {AGREEMENT_CATEGORIES.map((c) => (
                  <Table.HeaderCell key={c} scope="col">
                    {t('agreement.byCoder', { name: b, category: category(c) })}
                  </Table.HeaderCell>
                ))}
                <Table.HeaderCell scope="col">{t('agreement.total')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {AGREEMENT_CATEGORIES.map((c, i) => (
                <Table.Row key={c}>
                  <Table.HeaderCell scope="row">
                    {t('agreement.byCoder', { name: a, category: category(c) })}
                  </Table.HeaderCell>
                  {AGREEMENT_CATEGORIES.map((d, j) => (
                    <Table.Cell key={d} className={i === j ? 'numeric agree' : 'numeric'}>
                      {agreement.matrix[i]?.[j] ?? 0}
                    </Table.Cell>
                  ))}
                  <Table.Cell className="numeric">{rowTotals[i] ?? 0}</Table.Cell>
                </Table.Row>
              ))}
              <Table.Row>
                <Table.HeaderCell scope="row">{t('agreement.total')}</Table.HeaderCell>
                {columnTotals.map((n, j) => (
                  <Table.Cell key={j} className="numeric">
                    {n}
                  </Table.Cell>
                ))}
                <Table.Cell className="numeric">{agreement.units}</Table.Cell>
              </Table.Row>
            </Table.Body>
          </Table>
        </div>
      </section>

      <section aria-labelledby="agreement-disagreements" className="stack section">
        <Heading level={2} data-size="sm" id="agreement-disagreements">
          {t('agreement.disagreementsHeading')}
        </Heading>
        {agreement.disagreements.length === 0 ? (
          <Paragraph>{t('agreement.noDisagreements')}</Paragraph>
        ) : (
          <div className="table-scroll">
            <Table zebra border data-size="sm">
              <caption>{t('agreement.disagreementsCaption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('coding.colFactor')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">
                    {t('agreement.disagreementCount')}
                  </Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {agreement.disagreements.map((d) => (
                  <Table.Row key={d.factor}>
                    <Table.HeaderCell scope="row">
                      {labels.label(FACTORS, d.factor)}
                    </Table.HeaderCell>
                    <Table.Cell className="numeric">{d.count}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        )}
      </section>

      <section aria-labelledby="agreement-cases" className="stack section">
        <Heading level={2} data-size="sm" id="agreement-cases">
          {t('agreement.casesHeading')}
        </Heading>
        {agreement.cases.length === 0 ? (
          <Paragraph>{t('agreement.noCases')}</Paragraph>
        ) : (
          <List.Unordered>
            {agreement.cases.map((c) => (
              <List.Item key={c.id}>
                <AppLink to={`/cases/${c.id}`}>{c.title}</AppLink>
              </List.Item>
            ))}
          </List.Unordered>
        )}
      </section>
    </>
  );
}
