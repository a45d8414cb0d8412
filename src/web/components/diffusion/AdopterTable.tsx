import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { TRADITIONS } from '../../../shared/case-vocabulary.ts';
import type { DiffusionView } from '../../../shared/diffusion.ts';
import { useLabels } from '../../case-labels.ts';
import { downloadText, toCsv } from '../../csv.ts';
import { adoptersCsv } from '../../diffusion-view.ts';
import { AppLink } from '../AppLink.tsx';
import { NotSet } from '../NotSet.tsx';
import { useDiffusionTranslation } from './diffusion-i18n.ts';

/** Every adopter with its first year, linked where it has a page. */
export function AdopterTable({ view, filename }: { view: DiffusionView; filename: string }) {
  const { t } = useDiffusionTranslation();
  const labels = useLabels();
  const heading = t('adopters.heading');
  // A country's label is its code: show its name.
  const name = (a: DiffusionView['adopters'][number]) =>
    view.unit === 'country' && a.country ? labels.country(a.country) : a.label;

  function download() {
    const csv = adoptersCsv(view.adopters);
    downloadText(filename, toCsv(csv.columns, csv.rows));
  }

  return (
    <section aria-labelledby="diffusion-adopters-heading" className="stack section">
      <Heading level={2} data-size="sm" id="diffusion-adopters-heading">
        {heading}
      </Heading>
      {view.adopters.length === 0 ? (
        <Paragraph>{t('adopters.none')}</Paragraph>
      ) : (
        <>
          <div
            className="table-scroll"
            role="region"
            aria-label={t('adopters.caption', { count: view.adopters.length })}
            tabIndex={0}
          >
            <Table zebra border data-size="sm">
              <caption>{t('adopters.caption', { count: view.adopters.length })}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t(`adopters.col.${view.unit}`)}</Table.HeaderCell>
                  {view.unit === 'organisation' && (
                    <Table.HeaderCell scope="col">{t('adopters.col.country')}</Table.HeaderCell>
                  )}
                  <Table.HeaderCell scope="col">{t('adopters.col.tradition')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('adopters.col.year')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('adopters.col.via')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {view.adopters.map((a) => (
                  <Table.Row key={a.id}>
                    <Table.HeaderCell scope="row">
                      {a.href ? <AppLink to={a.href}>{name(a)}</AppLink> : name(a)}
                    </Table.HeaderCell>
                    {view.unit === 'organisation' && (
                      <Table.Cell>{a.country ? labels.country(a.country) : <NotSet />}</Table.Cell>
                    )}
                    <Table.Cell>
                      {a.tradition ? labels.label(TRADITIONS, a.tradition) : <NotSet />}
                    </Table.Cell>
                    <Table.Cell className="numeric">{a.year}</Table.Cell>
                    <Table.Cell>{t(`adopters.via.${a.via}`)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          <div>
            <Button
              variant="secondary"
              data-size="sm"
              onClick={download}
              aria-label={t('downloadCsvOf', { name: heading })}
            >
              {t('downloadCsv')}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
