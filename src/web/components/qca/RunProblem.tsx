import { Alert, List, Paragraph } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useQcaTranslation } from '../../qca-i18n.ts';
import type { RunProblem } from '../../qca-run-problem.ts';
import { AppLink } from '../AppLink.tsx';

/** The problem as an alert; the engine's messages are marked as English. */
export function RunProblemAlert({
  problem,
  signInPath,
  children,
}: {
  problem: RunProblem;
  signInPath: string;
  children?: ReactNode;
}) {
  const { t } = useQcaTranslation();
  return (
    <Alert data-color="danger" role="alert">
      <Paragraph>{problem.message}</Paragraph>
      {problem.details.length > 0 && (
        <List.Unordered>
          {problem.details.map((d, i) => (
            <List.Item key={i}>
              {d.where && `${d.where}: `}
              <span lang="en">{d.message}</span>
            </List.Item>
          ))}
        </List.Unordered>
      )}
      {problem.signIn && (
        <Paragraph>
          <AppLink to={signInPath}>{t('run.signInToRun')}</AppLink>
        </Paragraph>
      )}
      {children}
    </Alert>
  );
}
