/**
 * A real SMTP server in the test process (the `smtp-server` package): what the platform sends
 * arrives here, parsed with `mailparser`, for tests to read.
 */
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from './server-process.ts';

export type Inbox = {
  url: string;
  messages: ParsedMail[];
  /** Waits until at least `n` messages have arrived (or fails after `timeoutMs`). */
  waitFor: (n: number, timeoutMs?: number) => Promise<ParsedMail[]>;
  close: () => Promise<void>;
};

export async function startSmtpServer(): Promise<Inbox> {
  const messages: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    async waitFor(n, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < n) {
        if (Date.now() > deadline)
          throw new Error(`expected ${n} e-mails, ${messages.length} arrived`);
        await new Promise((r) => setTimeout(r, 25));
      }
      return messages;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
