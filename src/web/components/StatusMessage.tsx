import { Alert, Paragraph } from '@digdir/designsystemet-react';

/**
 * A polite live region that is always in the page, so screen readers announce
 * the message when it appears.
 */
export function StatusMessage({
  message,
  color = 'success',
}: {
  message: string | null;
  color?: 'success' | 'info' | 'warning';
}) {
  return (
    <div role="status" className="status-region">
      {message && (
        <Alert data-color={color}>
          <Paragraph>{message}</Paragraph>
        </Alert>
      )}
    </div>
  );
}
