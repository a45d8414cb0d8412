/*
 * Working groups (issue 11), on the shared server with fresh accounts: a convener opens a private
 * group and invites a second person by e-mail, who accepts with her affiliation and country; a
 * discussion with a mention (she is told) and a reply; a proposal she blocks and then agrees to,
 * closed with an outcome; a ranked poll that refuses a ballot repeating a choice; a meeting shown
 * in the browser's time zone, with an agenda, an answer, minutes, an action ticked off and a
 * calendar feed; documents in the library (a forbidden and a too-large one refused); and the
 * cross-border view with two countries. Every page and state passes axe; the ranked ballot and
 * the meeting answer are given with the keyboard only; a stranger finds nothing of the group.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiSignUp,
  baseUrl,
  browserApi,
  browserSignIn,
  expectAccessible,
  expectNoProblems,
  launch,
  newAccount,
  skip,
  waitForHeading,
  type Browser,
} from './support.ts';

/** The browser's own time zone in these tests (the meetings are planned in another one). */
const ZONE = 'Europe/Amsterdam';

/** The focused element: its tag, id, type and text or label. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const id = el?.id ?? '';
    const label = id
      ? (document.querySelector(`label[for="${CSS.escape(id)}"]`)?.textContent ?? '')
      : '';
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      id,
      type: el?.getAttribute('type') ?? '',
      text: (el?.textContent ?? '').trim(),
      label: label.trim(),
    };
  });
}

/** Press Tab until `match` holds for the focused element (at most `max` times). */
async function tabTo(
  page: Page,
  match: (f: Awaited<ReturnType<typeof focused>>) => boolean,
  max = 150,
): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    if (match(await focused(page))) return;
  }
  throw new Error(
    `Tab never reached the element; focus is on ${JSON.stringify(await focused(page))}`,
  );
}

describe.skipIf(skip)('working groups: a cross-border group from invitation to outcome', () => {
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
  const groupName = `Cross-border mobility lab ${stamp}`;
  const convener = newAccount('Carla Convener', 'carla');
  const member = newAccount('Bart Onderzoeker', 'bart');
  let carla: Browser;
  let bart: Browser;
  let groupUrl = '';
  let threadTitle = '';
  let decisionUrl = '';
  let meetingUrl = '';

  async function signIn(browser: Browser, account: typeof convener) {
    await browser.page.goto(`${baseUrl}/`);
    await browserSignIn(browser.page, account);
  }

  beforeAll(async () => {
    await apiSignUp(convener);
    await apiSignUp(member);
    carla = await launch();
    bart = await launch();
    // Both see times in one zone, whatever the machine's; meetings are planned in another.
    for (const b of [carla, bart]) {
      const cdp = await b.context.newCDPSession(b.page);
      await cdp.send('Emulation.setTimezoneOverride', { timezoneId: ZONE });
    }
    await signIn(carla, convener);
    await signIn(bart, member);
  }, 120_000);

  afterAll(async () => {
    await carla?.close();
    await bart?.close();
  });

  it('a convener opens a private group that a stranger cannot find', async () => {
    const { page } = carla;
    await page.goto(`${baseUrl}/groups`);
    await waitForHeading(page, 'Working groups');
    expect(await page.title()).toBe('Working groups – Connective');
    await page.getByText('You are not a member of a working group yet.').waitFor();
    await expectAccessible(page, 'groups (signed in, none yet)');

    await page.getByRole('link', { name: 'Open a working group' }).click();
    await waitForHeading(page, 'Open a working group');
    await expectAccessible(page, 'group form');
    await page.getByRole('button', { name: 'Open the group' }).click();
    const summary = page.locator('ds-error-summary');
    await summary.getByRole('link', { name: /^Name:/ }).waitFor();
    await summary.getByRole('link', { name: /^Affiliation:/ }).waitFor();
    await summary.getByRole('link', { name: /^Country:/ }).waitFor();
    await expectAccessible(page, 'group form (errors)');

    await page.getByLabel('Name', { exact: true }).fill(groupName);
    await page
      .getByLabel(/^Purpose/)
      .fill('How border regions can share public transport data and planning.');
    await page.getByLabel('Private: members only').check();
    await page.getByLabel('Affiliation', { exact: true }).selectOption('policy');
    await page.getByLabel('Country', { exact: true }).selectOption('NL');
    await page.getByRole('button', { name: 'Open the group' }).click();
    await waitForHeading(page, groupName);
    groupUrl = page.url();
    expect(groupUrl).toMatch(/\/groups\/[0-9a-f-]{36}$/);
    await page.getByText('Your working group has been opened.', { exact: false }).waitFor();
    await page.getByText('Your role: Convener').waitFor();
    const sections = page.getByRole('navigation', { name: `Sections of ${groupName}` });
    expect(
      await sections.getByRole('link', { name: 'Overview' }).getAttribute('aria-current'),
    ).toBe('page');
    await page.getByRole('heading', { name: 'Cross-border view' }).waitFor();
    await expectAccessible(page, 'group (just opened)');

    const stranger = await launch();
    try {
      const s = stranger.page;
      const account = newAccount('Sam Stranger', 'sam');
      await apiSignUp(account);
      await s.goto(`${baseUrl}/`);
      await browserSignIn(s, account);
      await s.goto(`${baseUrl}/groups`);
      await waitForHeading(s, 'Working groups');
      await s.getByRole('heading', { name: 'Other working groups' }).waitFor();
      expect(await s.getByText(groupName).count()).toBe(0);
      for (const path of ['', '/members', '/threads', '/library']) {
        await s.goto(`${groupUrl}${path}`);
        await s.getByText('This working group does not exist, or you may not see it.').waitFor();
      }
      await expectAccessible(s, 'group (not found for a stranger)');
      expectNoProblems(stranger);
    } finally {
      await stranger.close();
    }
    expectNoProblems(carla);
  }, 120_000);

  it('the convener invites a second person, who accepts with affiliation and country', async () => {
    const { page } = carla;
    await page
      .getByRole('navigation', { name: `Sections of ${groupName}` })
      .getByRole('link', { name: 'Members' })
      .click();
    await waitForHeading(page, `Members of ${groupName}`);
    await page.getByRole('table', { name: `Members of ${groupName}` }).waitFor();
    await expectAccessible(page, 'members (convener)');
    await page.getByLabel('E-mail address').fill(member.email);
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText(`An invitation has been sent to ${member.email}.`).waitFor();
    await page
      .getByRole('table', { name: 'Invitations waiting for an answer' })
      .getByText(member.email)
      .waitFor();
    await expectAccessible(page, 'members (invitation sent)');

    const b = bart.page;
    await b.goto(`${baseUrl}/invitations`);
    await waitForHeading(b, 'My invitations');
    const invitation = b
      .getByRole('listitem')
      .filter({ has: b.getByRole('heading', { name: groupName }) });
    await invitation.waitFor();
    await expectAccessible(b, 'my invitations (group)');
    // Accepting needs an affiliation and a country.
    await b.getByRole('button', { name: `Accept and join ${groupName}` }).click();
    const summary = b.locator('ds-error-summary');
    await summary.getByRole('link', { name: /^Affiliation:/ }).waitFor();
    await summary.getByRole('link', { name: /^Country:/ }).waitFor();
    await expectAccessible(b, 'my invitations (accept without details)');
    await invitation.getByLabel('Affiliation', { exact: true }).selectOption('academia');
    await invitation.getByLabel('Country', { exact: true }).selectOption('BE');
    await b.getByRole('button', { name: `Accept and join ${groupName}` }).click();
    await waitForHeading(b, groupName);
    expect(b.url()).toBe(groupUrl);
    await b.getByText('You are now a member of the working group.').waitFor();
    await b.getByText('Your role: Member').waitFor();
    await expectAccessible(b, 'group (new member)');
    expectNoProblems(bart);
  }, 120_000);

  it('a discussion with a mention tells the member, who replies and edits her reply', async () => {
    const { page } = carla;
    threadTitle = `Sharing timetable data ${stamp}`;
    await page.goto(`${groupUrl}/threads`);
    await waitForHeading(page, `Discussions in ${groupName}`);
    await page.getByText('No discussions yet.').waitFor();
    await expectAccessible(page, 'discussions (none)');
    await page.getByLabel('Title', { exact: true }).fill(threadTitle);
    const body = page.getByLabel('First post');
    await body.fill('Welcome! Could you share the **Belgian** timetable formats?');
    // The mention goes where the cursor is: at the start.
    await body.focus();
    await page.keyboard.press('Control+Home');
    await page.getByLabel('Mention a member').selectOption({ label: member.name });
    await page.getByRole('button', { name: 'Insert mention' }).click();
    await expect
      .poll(() => body.inputValue())
      .toMatch(new RegExp(`^@\\[${member.name}\\]\\(user:[0-9a-f-]{36}\\) Welcome!`));
    expect(await focused(page)).toMatchObject({ tag: 'textarea', id: 'thread-body' });
    await expectAccessible(page, 'discussions (mention inserted)');
    await page.getByRole('button', { name: 'Start the discussion' }).click();
    await waitForHeading(page, threadTitle);
    await page.getByText('Your discussion has been started.').waitFor();
    const first = page.getByRole('article', { name: convener.name });
    await first.locator('.mention', { hasText: `@${member.name}` }).waitFor();
    await first.locator('strong', { hasText: 'Belgian' }).waitFor();
    await expectAccessible(page, 'discussion (started)');

    // The member is told, and follows the notification to the discussion.
    const b = bart.page;
    await b.goto(`${baseUrl}/notifications`);
    await waitForHeading(b, 'Notifications');
    const notice = b.getByRole('link', {
      name: `${convener.name} mentioned you in “${threadTitle}”.`,
    });
    await notice.waitFor();
    await expectAccessible(b, 'notifications (mention)');
    await notice.click();
    await waitForHeading(b, threadTitle);
    await expectAccessible(b, 'discussion (member)');

    // A reply to the post, which then shows after it, "in reply to" its author.
    await b.getByRole('button', { name: `Reply to ${convener.name}` }).click();
    await b.getByRole('heading', { name: `Reply to ${convener.name}` }).waitFor();
    expect(await focused(b)).toMatchObject({ tag: 'textarea', id: 'thread-reply-body' });
    await b.keyboard.type('We use GTFS. I will share the files in the library.');
    await b.getByRole('button', { name: 'Post reply' }).click();
    await b.getByText('Your reply has been posted.').waitFor();
    const reply = b.getByRole('article', { name: member.name });
    await reply.getByText(`in reply to ${convener.name}`, { exact: false }).waitFor();
    await reply.getByText('We use GTFS.', { exact: false }).waitFor();
    await expectAccessible(b, 'discussion (replied)');

    // Her own post she can change; the earlier version stays readable.
    await reply.getByRole('button', { name: 'Edit' }).click();
    await reply
      .getByLabel('Your post')
      .fill('We use GTFS and NeTEx. I will share both in the library.');
    await expectAccessible(b, 'discussion (editing a post)');
    await reply.getByRole('button', { name: 'Save the post' }).click();
    await reply.getByText('NeTEx', { exact: false }).waitFor();
    await reply.getByText(/edited/).waitFor();
    await reply.getByRole('button', { name: 'Show the earlier version' }).click();
    await reply
      .getByRole('list', { name: 'Earlier versions, latest first' })
      .getByText('We use GTFS. I will share the files in the library.')
      .waitFor();
    await expectAccessible(b, 'discussion (post history)');

    await b.getByRole('button', { name: 'Follow this discussion' }).click();
    await b.getByText('You follow this discussion', { exact: false }).waitFor();
    await b.getByRole('button', { name: 'Stop following this discussion' }).waitFor();
    expectNoProblems(carla);
    expectNoProblems(bart);
  }, 120_000);

  it('a proposal: the member blocks with a reason, then agrees; the convener closes it and states the outcome', async () => {
    const { page } = carla;
    await page.goto(`${groupUrl}/decisions`);
    await waitForHeading(page, `Decisions in ${groupName}`);
    await expectAccessible(page, 'decisions (none)');
    await page.getByLabel('Title', { exact: true }).fill('Publish our data under CC BY 4.0');
    await page.getByLabel(/^Description/).fill('All data the group gathers is published openly.');
    await page.getByLabel('While voting is open').check();
    await page.getByRole('button', { name: 'Make the proposal' }).click();
    await waitForHeading(page, 'Publish our data under CC BY 4.0');
    decisionUrl = page.url();
    await page.getByText('It is open for votes.', { exact: false }).waitFor();
    await expectAccessible(page, 'proposal (open)');

    const b = bart.page;
    await b.goto(decisionUrl);
    await waitForHeading(b, 'Publish our data under CC BY 4.0');
    await b.getByLabel('Block', { exact: true }).check();
    await b.getByRole('button', { name: 'Save my stance' }).click();
    await b
      .locator('ds-error-summary')
      .getByRole('link', { name: 'Reason: Say why you choose “Block”.' })
      .waitFor();
    await expectAccessible(b, 'proposal (block without a reason)');
    await b
      .getByLabel('Reason', { exact: true })
      .fill('Some operators only share data under a licence.');
    await b.getByRole('button', { name: 'Save my stance' }).click();
    await b.getByText('Your vote has been saved.').waitFor();
    await b.getByText('At least one member blocks this proposal', { exact: false }).waitFor();
    const stances = b.getByRole('table', { name: 'Stances, with the reasons given' });
    await stances
      .getByRole('row', { name: /^Block/ })
      .getByText('Some operators only share data under a licence.')
      .waitFor();
    await expectAccessible(b, 'proposal (blocked)');
    await b.getByLabel('Agree', { exact: true }).check();
    await b.getByLabel('Reason', { exact: true }).fill('');
    await b.getByRole('button', { name: 'Save my stance' }).click();
    await expect
      .poll(() =>
        stances
          .getByRole('row', { name: /^Agree/ })
          .getByRole('cell')
          .first()
          .textContent(),
      )
      .toBe('1');
    expect(
      await b.getByText('At least one member blocks this proposal', { exact: false }).count(),
    ).toBe(0);

    await page.reload();
    await waitForHeading(page, 'Publish our data under CC BY 4.0');
    await page.getByRole('button', { name: 'Close voting now' }).click();
    await page.getByText('Voting is closed.', { exact: true }).waitFor();
    await page
      .getByLabel('Outcome', { exact: true })
      .fill('Adopted: the group publishes its data under CC BY 4.0.');
    await page.getByRole('button', { name: 'Save the outcome' }).click();
    await page.getByText('The outcome has been saved.').waitFor();
    await page
      .getByRole('region', { name: 'Outcome', exact: true })
      .getByText('Adopted: the group publishes its data under CC BY 4.0.')
      .waitFor();
    await expectAccessible(page, 'proposal (closed with an outcome)');
    await page.goto(`${groupUrl}/decisions`);
    await page
      .getByRole('list', { name: 'Closed' })
      .getByRole('link', { name: 'Publish our data under CC BY 4.0' })
      .waitFor();
    expectNoProblems(carla);
    expectNoProblems(bart);
  }, 120_000);

  it('a ranked poll refuses a ballot that repeats a choice; the member ranks with the keyboard only', async () => {
    const { page } = carla;
    await page.goto(`${groupUrl}/decisions`);
    await waitForHeading(page, `Decisions in ${groupName}`);
    await page.getByLabel('Poll: ranked choice').check();
    await page.getByLabel('Title', { exact: true }).fill('Where do we meet in spring?');
    await page.getByLabel('Option 1', { exact: true }).fill('Aachen');
    await page.getByLabel('Option 2', { exact: true }).fill('Maastricht');
    await page.getByRole('button', { name: 'Add an option' }).click();
    expect(await focused(page)).toMatchObject({ id: 'decision-option-3' });
    await page.keyboard.type('Liège');
    await page.getByLabel('While voting is open').check();
    await expectAccessible(page, 'decisions (ranked poll form)');
    await page.getByRole('button', { name: 'Open the poll' }).click();
    await waitForHeading(page, 'Where do we meet in spring?');
    const pollUrl = page.url();

    // A ballot that ranks one option twice: the server refuses it, the form says which.
    await page.getByLabel('1st choice').selectOption({ label: 'Aachen' });
    await page.getByLabel('2nd choice').selectOption({ label: 'Aachen' });
    await page.getByRole('button', { name: 'Cast my ballot' }).click();
    const refused =
      'You chose “Aachen” as your 1st and your 2nd choice. Choose each option only once.';
    await page
      .locator('ds-error-summary')
      .getByRole('link', { name: `Your ranking: ${refused}` })
      .waitFor();
    await expectAccessible(page, 'ranked poll (repeated choice)');
    await page.getByLabel('2nd choice').selectOption({ label: 'Liège' });
    await page.getByRole('button', { name: 'Cast my ballot' }).click();
    await page.getByText('Your vote has been saved.').waitFor();

    // The member, with the keyboard only: Maastricht first, Liège second.
    const b = bart.page;
    await b.goto(pollUrl);
    await waitForHeading(b, 'Where do we meet in spring?');
    await tabTo(b, (f) => f.id === 'vote-rank-1');
    await b.keyboard.type('Maas');
    await b.keyboard.press('Tab');
    expect(await focused(b)).toMatchObject({ id: 'vote-rank-2' });
    await b.keyboard.type('Li');
    await tabTo(b, (f) => f.tag === 'button' && f.text === 'Cast my ballot');
    await b.keyboard.press('Enter');
    await b.getByText('Your vote has been saved.').waitFor();
    expect(await b.getByLabel('1st choice').locator('option:checked').textContent()).toBe(
      'Maastricht',
    );
    expect(await b.getByLabel('2nd choice').locator('option:checked').textContent()).toBe('Liège');

    // Two ballots, no majority in round 1: Aachen and Maastricht tie on first choices with one
    // each, Liège has none and drops out; round 2 is still a tie.
    const rounds = b.getByRole('table', { name: 'The ranked-choice count, round by round' });
    await rounds.getByRole('columnheader', { name: 'Round 1' }).waitFor();
    await rounds.getByRole('rowheader', { name: /Liège/ }).waitFor();
    await expectAccessible(b, 'ranked poll (voted, rounds shown)');
    expectNoProblems(carla);
    expectNoProblems(bart);
  }, 120_000);

  it('a meeting in the browser’s time zone, with an agenda, an answer given by keyboard, minutes, an action ticked off and a calendar feed', async () => {
    const { page } = carla;
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(ZONE);
    await page.goto(`${groupUrl}/meetings`);
    await waitForHeading(page, `Meetings of ${groupName}`);
    await page.getByText('No meetings are planned.').waitFor();
    await page.getByRole('link', { name: 'Subscribe in your calendar' }).waitFor();
    await page.getByText('This address is personal', { exact: false }).waitFor();
    await expectAccessible(page, 'meetings (none)');

    await page.getByLabel('Title', { exact: true }).fill('Kick-off with the operators');
    expect(await page.getByLabel('Time zone', { exact: true }).inputValue()).toBe(ZONE);
    await page.getByLabel('Time zone', { exact: true }).selectOption('America/New_York');
    await page.getByLabel('Starts', { exact: true }).fill('2030-06-12T09:00');
    await page.getByLabel('Ends', { exact: true }).fill('2030-06-12T08:00');
    await page.getByLabel(/^Online meeting link/).fill('https://meet.example.org/kick-off');
    await page.getByRole('button', { name: 'Add an agenda item' }).click();
    expect(await focused(page)).toMatchObject({ id: 'meeting-new-agenda-1' });
    await page.keyboard.type('Which data each operator has');
    await page.getByRole('button', { name: 'Plan the meeting' }).click();
    await page
      .locator('ds-error-summary')
      .getByRole('link', { name: /^Ends: The meeting ends before it starts/ })
      .waitFor();
    await expectAccessible(page, 'meeting form (ends before it starts)');
    await page.getByLabel('Ends', { exact: true }).fill('2030-06-12T10:30');
    await page.getByRole('button', { name: 'Plan the meeting' }).click();
    await waitForHeading(page, 'Kick-off with the operators');
    meetingUrl = page.url();
    // 09:00 in New York in June is 15:00 (3 PM) in Amsterdam.
    const when = page.locator('dd').filter({ hasText: 'your time' });
    await when.getByText(/3:00\s?.\s?4:30\sPM \(your time, Europe\/Amsterdam\)/).waitFor();
    await when.getByText(/Planned in America\/New_York: .*9:00\s?.\s?10:30\sAM/).waitFor();
    await page
      .getByRole('list', { name: 'Agenda' })
      .getByText('Which data each operator has')
      .waitFor();
    await page.getByRole('link', { name: 'https://meet.example.org/kick-off' }).waitFor();
    await expectAccessible(page, 'meeting (planned)');

    // The member answers with the keyboard only.
    const b = bart.page;
    await b.goto(meetingUrl);
    await waitForHeading(b, 'Kick-off with the operators');
    await b.getByText(/4:30\sPM \(your time, Europe\/Amsterdam\)/).waitFor();
    await tabTo(b, (f) => f.type === 'radio' && f.label === 'Attending');
    await b.keyboard.press('Space');
    await tabTo(b, (f) => f.tag === 'button' && f.text === 'Save my answer');
    await b.keyboard.press('Enter');
    await b.getByText('Your answer has been saved: Attending.').waitFor();
    await b.getByText('Attending: 1 · Maybe: 0 · Not attending: 0').waitFor();
    await expectAccessible(b, 'meeting (answered by keyboard)');

    // Minutes and an action item, ticked off.
    await page.reload();
    await waitForHeading(page, 'Kick-off with the operators');
    await page
      .getByRole('textbox', { name: 'Minutes' })
      .fill('## Decisions\n\n- Share GTFS files by **May**.');
    await page.getByRole('button', { name: 'Save the minutes' }).click();
    await page.getByText('The minutes have been saved.').waitFor();
    await page.locator('.minutes strong', { hasText: 'May' }).waitFor();
    await page.getByLabel('Action', { exact: true }).fill('Upload the GTFS files');
    await page.getByLabel(/^Who does it/).selectOption({ label: member.name });
    await page.getByLabel(/^Due on/).fill('2030-06-30');
    await page.getByRole('button', { name: 'Add the action item' }).click();
    await page.getByText('“Upload the GTFS files” has been added.').waitFor();
    const done = page.getByLabel('Done: Upload the GTFS files');
    expect(await done.isChecked()).toBe(false);
    await done.check();
    await page.getByText('“Upload the GTFS files” is done.').waitFor();
    expect(await done.isChecked()).toBe(true);
    await expectAccessible(page, 'meeting (minutes, action done)');

    // The calendar feed (a personal address for this private group) answers iCalendar.
    const feed = await page
      .getByRole('link', { name: 'Subscribe in your calendar' })
      .getAttribute('href');
    expect(feed).toMatch(/\/api\/groups\/[0-9a-f-]{36}\/calendar\.ics\?token=/);
    const ics = await fetch(feed!);
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toMatch(/^text\/calendar/);
    const text = await ics.text();
    expect(text).toContain('BEGIN:VCALENDAR');
    expect(text).toContain('Kick-off with the operators');
    expectNoProblems(carla);
    expectNoProblems(bart);
  }, 120_000);

  it('documents go into the library; a forbidden and a too-large file are refused', async () => {
    const { page } = carla;
    await page.goto(`${groupUrl}/library`);
    await waitForHeading(page, `Library of ${groupName}`);
    await page.getByText('The library is empty.').waitFor();
    await expectAccessible(page, 'library (empty)');
    const file = page.getByLabel('File', { exact: true });
    const upload = page.getByRole('button', { name: 'Upload the document' });
    const fileError = page.locator('ds-error-summary').getByRole('link', { name: /^File:/ });

    await file.setInputFiles({
      name: 'page.html',
      mimeType: 'text/html',
      buffer: Buffer.from('<!doctype html><html><script>alert(1)</script></html>'),
    });
    await upload.click();
    await page
      .locator('ds-error-summary')
      .getByRole('link', { name: /^File: This type of file cannot be uploaded/ })
      .waitFor();
    await expectAccessible(page, 'library (forbidden file)');

    await file.setInputFiles({
      name: 'huge.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.alloc(Math.round(10.5 * 1024 * 1024), 0x25),
    });
    await upload.click();
    await page
      .locator('ds-error-summary')
      .getByRole('link', {
        name: 'File: The file is 10.5 MiB; the limit is 10 MiB. Choose a smaller file.',
      })
      .waitFor();
    expect(await fileError.count()).toBe(1);

    await file.setInputFiles({
      name: 'timetables.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from('# Timetable formats\n\nGTFS in Belgium, NeTEx in the Netherlands.\n'),
    });
    await page.getByLabel(/^Title/).fill('Timetable formats by country');
    await page.getByRole('textbox', { name: 'Collection' }).first().fill('Data standards');
    await upload.click();
    await page.getByText('timetables.md has been uploaded.').waitFor();
    const collection = page.getByRole('list', { name: 'Data standards' });
    const link = collection.getByRole('link', { name: 'Timetable formats by country' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toMatch(/^\/api\/groups\/files\/[0-9a-f-]{36}$/);
    await collection.getByText('timetables.md', { exact: false }).waitFor();
    await expectAccessible(page, 'library (document uploaded)');

    // A member sees it too, and can download it.
    const b = bart.page;
    await b.goto(`${groupUrl}/library`);
    const href = await b
      .getByRole('link', { name: 'Timetable formats by country' })
      .getAttribute('href');
    const status = await b.evaluate(async (url) => (await fetch(url)).status, href!);
    expect(status).toBe(200);
    expectNoProblems(carla);
    expectNoProblems(bart);
  }, 120_000);

  it('the cross-border view shows two countries and the policy–academia mix', async () => {
    const { page } = carla;
    await page.goto(groupUrl);
    await waitForHeading(page, groupName);
    await page.getByText('Members from 2 countries.').waitFor();
    const byCountry = page.getByRole('table', { name: 'Members by country' });
    await byCountry.getByRole('row', { name: 'Netherlands 1' }).waitFor();
    await byCountry.getByRole('row', { name: 'Belgium 1' }).waitFor();
    await page
      .getByRole('img', { name: /^Map of Europe showing the members by country/ })
      .waitFor();
    await page.getByText('1 from policy and 1 from academia: 2 of the 2 members (100%).').waitFor();
    const byAffiliation = page.getByRole('table', { name: 'Members by affiliation' });
    await byAffiliation.getByRole('row', { name: 'Academia 1' }).waitFor();
    const activity = page.getByRole('table', { name: 'Activity by month' });
    await activity.locator('tbody tr').first().waitFor();
    await page.getByRole('img', { name: /^Bar chart of the group's activity/ }).waitFor();
    // A private group ties no one in the collaboration network, and says so.
    await page.getByText('A private group ties no one in the collaboration network').waitFor();
    await expectAccessible(page, 'group (cross-border view)');

    // The same view in Dutch.
    await page.evaluate(() => window.localStorage.setItem('connective.locale', 'nl'));
    await page.reload();
    await waitForHeading(page, groupName);
    await page.getByRole('heading', { name: 'Grensoverschrijdend overzicht' }).waitFor();
    await page
      .getByText('1 uit het beleid en 1 uit de wetenschap: 2 van de 2 leden (100%).')
      .waitFor();
    await page
      .getByRole('table', { name: 'Leden per land' })
      .getByRole('row', { name: 'België 1' })
      .waitFor();
    await expectAccessible(page, 'group (cross-border view, Dutch)');
    await page.evaluate(() => window.localStorage.setItem('connective.locale', 'en'));
    expectNoProblems(carla);
  }, 120_000);

  it('a public group: a visitor reads it, asks to join and is accepted; the last convener cannot leave', async () => {
    const { page } = carla;
    const name = `Open data circle ${stamp}`;
    const created = await browserApi<{ id: string }>(page, 'POST', '/api/groups', {
      name,
      purpose: 'Open data in border regions.',
      visibility: 'public',
      affiliation: 'policy',
      country: 'NL',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const publicUrl = `${baseUrl}/groups/${created.body.id}`;
    // A decision of the private group asked for under this group's address is not found here.
    await page.goto(`${publicUrl}/decisions/${decisionUrl.split('/').pop()}`);
    await page.getByText('This decision does not exist', { exact: false }).waitFor();
    const vera = newAccount('Vera Visitor', 'vera');
    const visitor = await launch();
    try {
      const v = visitor.page;
      await v.goto(`${baseUrl}/groups`);
      await waitForHeading(v, 'Working groups');
      await v
        .getByRole('list', { name: 'Public working groups' })
        .getByRole('link', { name })
        .waitFor();
      expect(await v.getByText(groupName).count()).toBe(0);
      await expectAccessible(v, 'groups (signed out)');
      await v.goto(publicUrl);
      await waitForHeading(v, name);
      await v.getByRole('link', { name: 'Sign in to ask to join this group' }).waitFor();
      // Its place in the collaboration network: the people network with working-group ties.
      await v.getByRole('link', { name: 'See the people network with working-group ties' }).click();
      await waitForHeading(v, 'Collaboration network');
      await expect.poll(() => new URL(v.url()).search).toBe('?nodes=people&tie=group');
      await v.getByRole('checkbox', { name: 'Same working group' }).waitFor();
      await v.goBack();
      await waitForHeading(v, name);
      await expectAccessible(v, 'public group (signed out)');
      await v.goto(`${publicUrl}/threads`);
      await v.getByText('Only members of the group can start discussions.').waitFor();

      await apiSignUp(vera);
      await browserSignIn(v, vera);
      await v.goto(publicUrl);
      await waitForHeading(v, name);
      await v.getByLabel('Affiliation', { exact: true }).selectOption('practice');
      await v.getByLabel('Country', { exact: true }).selectOption('FR');
      await v.getByLabel(/^Message to the conveners/).fill('I run a regional data portal.');
      await expectAccessible(v, 'public group (asking to join)');
      await v.getByRole('button', { name: 'Ask to join' }).click();
      await v.getByText('Your request has been sent.', { exact: false }).waitFor();
      await v.getByText('You have asked to join this group.', { exact: false }).waitFor();
      await expectAccessible(v, 'public group (asked to join)');
      expectNoProblems(visitor);
    } finally {
      await visitor.close();
    }

    await page.goto(`${publicUrl}/members`);
    await waitForHeading(page, `Members of ${name}`);
    const requests = page.getByRole('table', { name: 'Requests to join' });
    await requests
      .getByRole('row', { name: /Vera Visitor/ })
      .getByText('I run a regional data portal.')
      .waitFor();
    await expectAccessible(page, 'members (a request to join)');
    await page.getByRole('button', { name: 'Accept Vera Visitor' }).click();
    await page.getByText('Vera Visitor is now a member.').waitFor();
    await page
      .getByRole('table', { name: `Members of ${name}` })
      .getByRole('row', { name: /Vera Visitor/ })
      .getByText('Practice')
      .waitFor();

    // The only convener cannot leave: the page says what to do instead.
    await page.getByRole('button', { name: 'Leave the group' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: `Leave ${name}?` }).waitFor();
    await expectAccessible(page, 'members (leave dialog)');
    await dialog.getByRole('button', { name: 'Leave the group' }).click();
    await page
      .getByRole('alert')
      .getByText('A group keeps at least one convener. Make another member a convener first.')
      .waitFor();
    await expectAccessible(page, 'members (last convener)');
    expectNoProblems(carla);
  }, 120_000);
});
