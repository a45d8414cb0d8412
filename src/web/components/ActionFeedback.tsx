import { useState } from 'react';
import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import { errorMessage } from '../validation.ts';
import { StatusMessage } from './StatusMessage.tsx';

/**
 * One action (a button or a small form): busy while it runs, then a polite
 * status message, or an error alert — with the API's conflict codes (`already_requested`,
 * `last_owner`…) told in words of their own.
 */
export function useAction() {
  const { t: tc } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  /** Runs `work`; true when it succeeded. */
  async function run(
    work: () => Promise<unknown>,
    done: string,
    conflicts: Record<string, string> = {},
  ): Promise<boolean> {
    if (busy) return false;
    setBusy(true);
    setStatus(null);
    setFailure(null);
    try {
      await work();
      setStatus(done);
      return true;
    } catch (error) {
      const known = error instanceof ApiError ? conflicts[error.code] : undefined;
      setFailure(known ?? errorMessage(tc, error));
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { busy, status, failure, run };
}

export function ActionFeedback({
  status,
  failure,
}: {
  status: string | null;
  failure: string | null;
}) {
  return (
    <>
      <StatusMessage message={status} />
      {failure && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{failure}</Paragraph>
        </Alert>
      )}
    </>
  );
}
