import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { signIn } from '@ucwa/client';
import { type RunningEmulator, startEmulator } from '@ucwa/emulator';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from './browser.ts';
import { serveWebApp } from './web-server.ts';

/** Every step's screenshot goes here (kept after the run, replaced by the next). */
const SHOTS = fileURLToPath(new URL('../screenshots/two-users/', import.meta.url));
const chromiumFound = findChromium();
const skipReason = 'skip' in chromiumFound ? chromiumFound.skip : undefined;
if (skipReason !== undefined) console.warn(`web browser tests skipped: ${skipReason}`);

let emulator: RunningEmulator;
let web: { url: string; close(): Promise<void> };
let browser: Browser;
const pages: Record<string, Page> = {};
/** Each user's application path, from the event channel requests its page sent. */
const applications: Record<string, string> = {};
/** Each user's event channel instance (MultiTabSupport.md). */
const instances: Record<string, string> = {};
let shot = 0;

async function snap(name: string): Promise<void> {
  shot += 1;
  const prefix = String(shot).padStart(2, '0');
  for (const [user, page] of Object.entries(pages)) {
    await page.screenshot({ path: `${SHOTS}${prefix}-${name}-${user}.png`, fullPage: true });
  }
}

async function signInAs(user: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.on('pageerror', (error) => console.error(`${user} page error:`, error));
  page.on('request', (request) => {
    const url = new URL(request.url());
    const found = /^(.*)\/events$/.exec(url.pathname)?.[1];
    if (found !== undefined) applications[user] = found;
    if (found !== undefined) instances[user] = url.searchParams.get('instanceId') ?? '';
  });
  await page.goto(`${web.url}/?server=${encodeURIComponent(`${emulator.url}/`)}`);
  await page.locator('input[name=user]').fill(`${user}@contoso.com`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page
    .getByTestId('status')
    .filter({ hasText: /^ready$/ })
    .waitFor()
    .catch(async (error: unknown) => {
      throw new Error(
        `${user} is not ready; the page shows:\n${await page.locator('body').textContent()}`,
        { cause: error },
      );
    });
  pages[user] = page;
  return page;
}

const text = (page: Page, testId: string, value: string | RegExp) =>
  page.getByTestId(testId).filter({ hasText: value }).first().waitFor();

describe.skipIf(skipReason !== undefined)(
  `web app in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    beforeAll(async () => {
      rmSync(SHOTS, { recursive: true, force: true });
      mkdirSync(SHOTS, { recursive: true });
      web = await serveWebApp();
      emulator = await startEmulator({ cors: [web.url] });
      browser = await chromium.launch({
        executablePath: 'path' in chromiumFound ? chromiumFound.path : '',
        args: ['--no-sandbox', '--disable-dev-shm-usage'],
      });
    }, 120_000);

    afterAll(async () => {
      console.info(`web browser test screenshots: ${SHOTS}`);
      await browser?.close();
      await emulator?.close();
      await web?.close();
    });

    it('signs alice and bob in; each sees the other online, then alice busy', async () => {
      const alice = await signInAs('alice');
      const bob = await signInAs('bob');
      await text(bob, 'presence-sip:alice@contoso.com', 'Online');
      await text(alice, 'presence-sip:bob@contoso.com', 'Online');
      await snap('signed-in');
      await alice.getByTestId('availability').selectOption('Busy');
      await text(bob, 'presence-sip:alice@contoso.com', 'Busy');
      await snap('alice-busy');
    }, 90_000);

    it('alice invites bob, bob accepts, they exchange plain and HTML messages with typing shown', async () => {
      const alice = pages.alice as Page;
      const bob = pages.bob as Page;
      await alice.locator('[data-contact="sip:bob@contoso.com"] button').click();
      await bob.getByTestId('invitation').getByRole('button', { name: 'Accept' }).click();
      const aliceChat = alice.getByTestId('conversation');
      const bobChat = bob.getByTestId('conversation');
      await aliceChat.waitFor();
      await aliceChat.getByTestId('compose').pressSequentially('Hi');
      await text(bob, 'typing', /is typing/);
      await aliceChat.getByTestId('compose').fill('Lunch at noon?');
      await aliceChat.getByRole('button', { name: 'Send' }).click();
      await text(bob, 'message', 'Lunch at noon?');
      await bobChat.getByTestId('compose').fill('<b>Yes</b>, see you');
      await bobChat.getByRole('checkbox').check();
      await bobChat.getByRole('button', { name: 'Send' }).click();
      await alice.getByTestId('message').locator('b', { hasText: 'Yes' }).waitFor();
      await snap('chat');
    }, 90_000);

    it('drives the audioVideo panel: addAudio connects, stopAudio disconnects, buttons follow the links', async () => {
      const alice = pages.alice as Page;
      const bob = pages.bob as Page;
      await text(alice, 'av-state', /^Disconnected$/);
      const stop = alice.locator('[data-action="stopAudio"]');
      expect(await stop.isDisabled()).toBe(true);
      await alice.locator('[data-action="addAudio"]').click();
      await text(alice, 'av-state', /^Connected$/);
      await text(bob, 'av-state', /^Connected$/);
      await alice.locator('[data-action="stopAudio"]:enabled').waitFor();
      expect(await alice.locator('[data-action="addAudio"]').isDisabled()).toBe(true);
      await snap('audio-connected');
      await stop.click();
      await text(alice, 'av-state', /^Disconnected$/);
      await alice.locator('[data-action="addAudio"]:enabled').waitFor();
      await snap('audio-stopped');
    }, 90_000);

    it("survives the loss of alice's application: reconnecting, then ready, no message lost", async () => {
      const alice = pages.alice as Page;
      const bob = pages.bob as Page;
      const application = applications.alice;
      expect(application).toMatch(/applications\//);
      emulator.faults.add({
        path: `${application}/events`,
        nth: 1,
        action: { type: 'applicationNotFound' },
      });
      const bobChat = bob.getByTestId('conversation');
      await bobChat.getByTestId('compose').fill('Before the drop');
      await bobChat.getByRole('button', { name: 'Send' }).click();
      await text(alice, 'event-log', /session reconnecting/);
      await bobChat.getByTestId('compose').fill('During the drop');
      await bobChat.getByRole('button', { name: 'Send' }).click();
      await text(alice, 'status', /^ready$/);
      await text(alice, 'message', 'Before the drop');
      await text(alice, 'message', 'During the drop');
      await snap('reconnected');
    }, 90_000);

    it('a second tab of alice joins her application and event channel; it takes over when the leading tab closes', async () => {
      const first = pages.alice as Page;
      const second = await first.context().newPage();
      second.setDefaultTimeout(30_000);
      second.on('pageerror', (error) => console.error('alice tab 2 page error:', error));
      // The event channel requests each page sends, by instanceId (MultiTabSupport.md).
      const polls = (page: Page) => {
        const seen: Record<string, number> = {};
        page.on('request', (request) => {
          const url = new URL(request.url());
          if (!url.pathname.endsWith('/events')) return;
          const instance = url.searchParams.get('instanceId') ?? '';
          seen[instance] = (seen[instance] ?? 0) + 1;
        });
        return seen;
      };
      const inFirst = polls(first);
      const inSecond = polls(second);
      await second.goto(`${web.url}/?server=${emulator.url}/`);
      await second.getByRole('button', { name: 'Sign in' }).click();
      await text(second, 'status', /^ready$/);
      await text(second, 'tab-role', /^following/);
      await text(first, 'tab-role', /^leading/);
      // One application: the same address in both tabs.
      const shown = await first.getByTestId('application').textContent();
      expect(shown).toMatch(new RegExp(`${applications.alice}$`));
      expect(await second.getByTestId('application').textContent()).toBe(shown);
      // One event channel: bob goes away, both tabs show it, and only the leading tab polled.
      const bob = pages.bob as Page;
      await bob.getByTestId('availability').selectOption('Away');
      await text(first, 'presence-sip:bob@contoso.com', 'Away');
      await text(second, 'presence-sip:bob@contoso.com', 'Away');
      expect(inSecond).toEqual({});
      expect(Object.keys(inFirst)).toEqual([instances.alice]);
      shot += 1;
      await second.screenshot({
        path: `${SHOTS}${String(shot).padStart(2, '0')}-second-tab-alice.png`,
        fullPage: true,
      });

      // bob's invitation rings in both tabs; the second accepts, and it goes from the first.
      const views = bob.locator('[data-testid=conversation]');
      const before = await views.count();
      await bob.locator('[data-contact="sip:alice@contoso.com"] button').click();
      await first.getByTestId('invitation').waitFor();
      await second.getByTestId('invitation').getByRole('button', { name: 'Accept' }).click();
      await first.getByTestId('invitation').waitFor({ state: 'detached' });
      // bob's new conversation is shown first once alice accepted.
      await expect.poll(() => views.count(), { timeout: 30_000 }).toBe(before + 1);
      const bobChat = views.first();
      await bobChat.getByTestId('compose').fill('Before the first tab closed');
      await bobChat.getByRole('button', { name: 'Send' }).click();
      await text(second, 'message', 'Before the first tab closed');
      // The first tab shows the conversation the second accepted (on top), and it works there.
      await text(first, 'message', 'Before the first tab closed');
      const firstChat = first.getByTestId('conversation').first();
      await firstChat.getByTestId('compose').fill('Sent from the first tab');
      await firstChat.getByRole('button', { name: 'Send' }).click();
      await bobChat.getByTestId('message').filter({ hasText: 'Sent from the first tab' }).waitFor();
      // The second tab shows what the first sent; the first shows it once.
      await text(second, 'message', 'me: Sent from the first tab');
      const sentInFirst = firstChat
        .getByTestId('message')
        .filter({ hasText: 'Sent from the first' });
      expect(await sentInFirst.count()).toBe(1);
      // A tab opened now shows the conversations that exist, as the first tab does.
      const third = await first.context().newPage();
      third.setDefaultTimeout(30_000);
      third.on('pageerror', (error) => console.error('alice tab 3 page error:', error));
      await third.goto(`${web.url}/?server=${emulator.url}/`);
      await third.getByRole('button', { name: 'Sign in' }).click();
      await text(third, 'tab-role', /^following/);
      const shownInFirst = await first.getByTestId('conversation').count();
      expect(shownInFirst).toBeGreaterThanOrEqual(2);
      await expect
        .poll(() => third.getByTestId('conversation').count(), { timeout: 30_000 })
        .toBe(shownInFirst);
      // It receives and sends there too.
      await bobChat.getByTestId('compose').fill('Seen by the third tab');
      await bobChat.getByRole('button', { name: 'Send' }).click();
      const thirdChat = third.getByTestId('conversation').first();
      await thirdChat.getByTestId('message').filter({ hasText: 'Seen by the third tab' }).waitFor();
      await thirdChat.getByTestId('compose').fill('From tab 3');
      await thirdChat.getByRole('button', { name: 'Send' }).click();
      await bobChat.getByTestId('message').filter({ hasText: 'From tab 3' }).waitFor();
      await text(second, 'message', 'me: From tab 3');
      shot += 1;
      await third.screenshot({
        path: `${SHOTS}${String(shot).padStart(2, '0')}-third-tab-alice.png`,
        fullPage: true,
      });
      await third.close({ runBeforeUnload: true });

      // The leading tab closes: the second takes over the same channel and keeps receiving.
      await first.close({ runBeforeUnload: true });
      await text(second, 'tab-role', /^leading/);
      await bob.getByTestId('availability').selectOption('Busy');
      await text(second, 'presence-sip:bob@contoso.com', 'Busy');
      await bob.getByTestId('availability').selectOption('Online');
      await text(second, 'presence-sip:bob@contoso.com', 'Online');
      // And messages of the conversation accepted before the takeover.
      await bobChat.getByTestId('compose').fill('After the first tab closed');
      await bobChat.getByRole('button', { name: 'Send' }).click();
      await text(second, 'message', 'After the first tab closed');
      await text(second, 'status', /^ready$/);
      expect(Object.keys(inSecond)).toEqual([instances.alice]);
      // bob leaves: the conversation is marked as ended, and takes no more input.
      await bobChat.getByRole('button', { name: 'Leave' }).click();
      const ended = second.getByTestId('conversation').first();
      await ended.getByTestId('ended').waitFor();
      expect(await ended.getByTestId('compose').isDisabled()).toBe(true);
      pages.alice = second;
      await snap('second-tab-took-over');
    }, 90_000);

    it('says what went wrong: a wrong password, a server that is not running', async () => {
      const page = await (await browser.newContext()).newPage();
      page.setDefaultTimeout(30_000);
      await page.goto(`${web.url}/?server=${emulator.url}/`);
      await page.locator('input[name=password]').fill('wrong');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await text(page, 'sign-in-error', /Wrong user name or password/);
      await page.screenshot({ path: `${SHOTS}90-wrong-password.png` });
      await page.locator('input[name=server]').fill('http://127.0.0.1:9/');
      await page.locator('input[name=password]').fill('demo');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await text(page, 'sign-in-error', /No UCWA server answered|cannot be reached/);
      await page.screenshot({ path: `${SHOTS}91-server-down.png` });
      await page.context().close();
    }, 60_000);

    it('alice searches the directory and sets a note', async () => {
      const alice = pages.alice as Page;
      await alice.getByPlaceholder('Search people').fill('carol');
      await alice.getByRole('button', { name: 'Search' }).click();
      await text(alice, 'search-results', 'Carol');
      await alice.getByPlaceholder('Note').fill('At lunch');
      await alice.getByRole('button', { name: 'Set note' }).click();
      await text(alice, 'event-log', /note updated from me/);
      await snap('search-and-note');
    }, 60_000);

    it('bob invites alice, alice declines, bob is told', async () => {
      const alice = pages.alice as Page;
      const bob = pages.bob as Page;
      await bob.locator('[data-contact="sip:alice@contoso.com"] button').click();
      await alice.getByTestId('invitation').getByRole('button', { name: 'Decline' }).click();
      await text(bob, 'error', /The invitation was declined/);
      await snap('declined');
    }, 60_000);

    it('carol signs in speaking XML and sees the others live', async () => {
      const page = await (await browser.newContext()).newPage();
      page.setDefaultTimeout(30_000);
      const xml: string[] = [];
      page.on('response', (response) => {
        const type = response.headers()['content-type'] ?? '';
        if (type.includes('xml')) xml.push(response.url());
      });
      await page.goto(`${web.url}/?server=${emulator.url}/`);
      await page.locator('input[name=user]').fill('carol@contoso.com');
      await page.locator('select[name=format]').selectOption('xml');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await text(page, 'status', /^ready$/);
      await text(page, 'presence-sip:alice@contoso.com', 'Busy');
      expect(xml.length).toBeGreaterThan(0);
      await page.screenshot({ path: `${SHOTS}92-carol-xml.png` });
      await page.context().close();
    }, 60_000);

    it('an invitation whose first message is HTML shows it rendered, and the conversation starts with it', async () => {
      const alice = pages.alice as Page;
      const carol = await signIn({
        discoveryUrl: `${emulator.url}/`,
        credentials: { username: 'carol@contoso.com', password: 'demo' },
        application: { userAgent: 'web-test-carol/1.0' },
      });
      try {
        await carol.makeMeAvailable({
          supportedModalities: ['Messaging'],
          supportedMessageFormats: ['Plain', 'Html'],
        });
        const started = carol.messaging.start({
          to: 'sip:alice@contoso.com',
          message: 'Review <i>today</i>?',
          html: true,
        });
        const invitation = alice.getByTestId('invitation');
        await invitation.locator('i', { hasText: 'today' }).waitFor();
        expect(await invitation.textContent()).not.toContain('<i>');
        await invitation.getByRole('button', { name: 'Accept' }).click();
        const chat = alice.locator('[data-testid=conversation][data-remote="carol@contoso.com"]');
        await chat.getByTestId('message').locator('i', { hasText: 'today' }).first().waitFor();
        // Once, even when the first message also comes as an event: after a later message
        // (events arrive in order) there is still one.
        const conversation = await started;
        await conversation.send('Or tomorrow');
        await chat.getByTestId('message').filter({ hasText: 'Or tomorrow' }).waitFor();
        expect(await chat.getByTestId('message').locator('i', { hasText: 'today' }).count()).toBe(
          1,
        );
        await snap('html-invitation');
      } finally {
        await carol.signOut();
      }
    }, 60_000);

    it('says when the sign-in expired and cannot be renewed', async () => {
      const page = await (await browser.newContext()).newPage();
      page.setDefaultTimeout(30_000);
      let application: string | undefined;
      page.on('request', (request) => {
        const found = /^(.*)\/events$/.exec(new URL(request.url()).pathname)?.[1];
        application ??= found;
      });
      await page.goto(`${web.url}/?server=${emulator.url}/`);
      await page.locator('input[name=user]').fill('carol@contoso.com');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await text(page, 'status', /^ready$/);
      await expect.poll(() => application, { timeout: 30_000 }).toMatch(/applications\//);
      // Carol's token expires under her event channel, and the token service refuses her.
      const refuse = emulator.faults.add({
        path: '/WebTicket/oauthtoken',
        action: { type: 'error', status: 400 },
      });
      emulator.faults.add({
        path: `${application}/events`,
        nth: 1,
        action: { type: 'expireToken' },
      });
      await text(page, 'signed-out', /Signed out: .*The sign-in expired/);
      emulator.faults.remove(refuse);
      // The form keeps the user who was signed in.
      expect(await page.locator('input[name=user]').inputValue()).toBe('carol@contoso.com');
      await page.screenshot({ path: `${SHOTS}93-token-expired.png` });
      await page.context().close();
    }, 60_000);

    it('a sign-out in one tab signs every tab of the user out; each form keeps the user', async () => {
      const context = await browser.newContext();
      const open = async () => {
        const page = await context.newPage();
        page.setDefaultTimeout(30_000);
        await page.goto(`${web.url}/?server=${emulator.url}/`);
        await page.locator('input[name=user]').fill('carol@contoso.com');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await text(page, 'status', /^ready$/);
        return page;
      };
      const leading = await open();
      const following = await open();
      await text(following, 'tab-role', /^following/);
      // A conversation started in one tab appears in the other, and works there.
      const bob = pages.bob as Page;
      await following.locator('[data-contact="sip:bob@contoso.com"] button').click();
      await bob.getByTestId('invitation').getByRole('button', { name: 'Accept' }).click();
      const atBob = bob.locator('[data-testid=conversation][data-remote="carol@contoso.com"]');
      await atBob.getByTestId('compose').fill('Hello, both tabs');
      await atBob.getByRole('button', { name: 'Send' }).click();
      const inLeading = leading.locator(
        '[data-testid=conversation][data-remote="bob@contoso.com"]',
      );
      await inLeading.getByTestId('message').filter({ hasText: 'Hello, both tabs' }).waitFor();
      await inLeading.getByTestId('compose').fill('From the tab that did not start it');
      await inLeading.getByRole('button', { name: 'Send' }).click();
      await atBob.getByTestId('message').filter({ hasText: 'did not start it' }).waitFor();
      await text(following, 'message', 'me: From the tab that did not start it');
      await leading.screenshot({
        path: `${SHOTS}93b-started-in-the-other-tab.png`,
        fullPage: true,
      });
      await following.getByRole('button', { name: 'Sign out' }).click();
      await text(leading, 'signed-out', 'Signed out in another tab.');
      expect(await leading.locator('input[name=user]').inputValue()).toBe('carol@contoso.com');
      await following.getByRole('button', { name: 'Sign in' }).waitFor();
      expect(await following.locator('input[name=user]').inputValue()).toBe('carol@contoso.com');
      await leading.screenshot({ path: `${SHOTS}94-signed-out-in-another-tab.png` });
      await context.close();
    }, 60_000);
  },
);
