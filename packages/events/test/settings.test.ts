import { parseRetryAfter } from '@ucwa/model';
import { describe, expect, it } from 'vitest';
import { reconnectDelay, resolveBackoff } from '../src/backoff.ts';
import { classifyFailure } from '../src/classify.ts';
import { createEventChannel, DEFAULT_SETTINGS, SETTING_RANGES } from '../src/index.ts';
import { resolveSettings, settingsQuery } from '../src/settings.ts';
import { httpError, networkError } from './helpers/fake-server.ts';

describe('settings (events_ref.md)', () => {
  it('has the documented defaults and ranges', () => {
    expect(DEFAULT_SETTINGS).toEqual({ timeout: 180, medium: 5, low: 15 });
    expect(SETTING_RANGES).toEqual({ timeout: [180, 1800], medium: [5, 1800], low: [5, 1800] });
  });

  it.each([
    [{ timeout: 10 }, { timeout: 180, medium: 5, low: 15 }],
    [{ timeout: 5000 }, { timeout: 1800, medium: 5, low: 15 }],
    [
      { medium: 0, low: 0 },
      { timeout: 180, medium: 5, low: 5 },
    ],
    [
      { medium: 1801.2, low: 60.4 },
      { timeout: 180, medium: 1800, low: 60 },
    ],
    [
      { timeout: 900, medium: 300, low: 600 },
      { timeout: 900, medium: 300, low: 600 },
    ],
  ])('clamps %j to %j', (changes, expected) => {
    expect(resolveSettings(changes)).toEqual(expected);
  });

  it('refuses values that are not finite numbers, naming the setting', () => {
    expect(() => resolveSettings({ low: Number.NaN })).toThrow(/"low" must be a finite number/);
    expect(() => resolveSettings({ timeout: Number.POSITIVE_INFINITY })).toThrow(RangeError);
  });

  it('becomes query parameters', () => {
    expect(settingsQuery({ timeout: 900, medium: 300, low: 600 })).toEqual({
      timeout: '900',
      medium: '300',
      low: '600',
    });
  });
});

describe('backoff', () => {
  const options = resolveBackoff({ baseDelay: 100, maxDelay: 1000, jitter: 1 });
  it.each([
    [1, 0, 100],
    [2, 0, 200],
    [4, 0, 800],
    [5, 0, 1000],
    [30, 0, 1000],
    [3, 0.5, 200],
    [3, 0.999, 0],
  ])('attempt %i with random %f waits %i ms', (attempt, random, expected) => {
    expect(reconnectDelay(options, attempt, () => random, undefined)).toBe(expected);
  });

  it('honours Retry-After up to maxRetryAfter', () => {
    const capped = resolveBackoff({ maxRetryAfter: 5000 });
    expect(reconnectDelay(capped, 1, () => 0, 3000)).toBe(3000);
    expect(reconnectDelay(capped, 1, () => 0, 60_000)).toBe(5000);
    expect(reconnectDelay(capped, 1, () => 0, 10)).toBe(1000);
  });

  it('refuses a jitter outside 0..1 and negative delays', () => {
    expect(() => resolveBackoff({ jitter: 2 })).toThrow(/jitter/);
    expect(() => resolveBackoff({ baseDelay: -1 })).toThrow(/baseDelay/);
  });
});

describe('classifying a failed P-GET', () => {
  it.each([
    [networkError(), 'retry'],
    [Object.assign(new Error('timed out'), { name: 'UcwaTimeoutError' }), 'retry'],
    [new TypeError('fetch failed'), 'retry'],
    [httpError(500), 'retry'],
    [httpError(502), 'retry'],
    [httpError(503), 'retry'],
    [httpError(429), 'retry'],
    [httpError(408), 'retry'],
    [httpError(409, 'PGetReplaced'), 'pgetReplaced'],
    [httpError(404, 'ApplicationNotFound'), 'applicationLost'],
    [httpError(410), 'applicationLost'],
    [httpError(401), 'auth'],
    [Object.assign(new Error('no grant'), { name: 'UcwaAuthError' }), 'auth'],
    [httpError(400), 'fatal'],
    [httpError(409, 'AlreadyExists'), 'fatal'],
    ['a string', 'retry'],
  ])('%s → %s', (error, kind) => {
    expect(classifyFailure(error, 0).kind).toBe(kind);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(classifyFailure(httpError(503, undefined, '7'), 0).retryAfter).toBe(7000);
    const now = Date.UTC(2026, 0, 1);
    expect(parseRetryAfter(new Date(now + 5000).toUTCString(), now)).toBe(5000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});

describe('where a channel starts', () => {
  const base = { fetchEvents: () => new Promise<never>(() => {}) };
  it('needs an href or a cursor with one', () => {
    expect(() => createEventChannel(base)).toThrow(/needs the events href/);
    expect(() =>
      createEventChannel({
        ...base,
        cursor: { href: '', settings: DEFAULT_SETTINGS, sendSettings: false },
      }),
    ).toThrow(/needs a cursor with an href/);
  });

  it('checks a cursor like input: settings clamped, a value that is no number refused', () => {
    const saved = JSON.parse(
      '{"href":"/events?ack=9","settings":{"timeout":99999,"medium":1,"low":60},"sendSettings":false}',
    );
    expect(createEventChannel({ ...base, cursor: saved }).cursor).toEqual({
      href: '/events?ack=9',
      settings: { timeout: 1800, medium: 5, low: 60 },
      sendSettings: false,
    });
    const broken = { ...saved, settings: { ...saved.settings, low: 'soon' } };
    expect(() => createEventChannel({ ...base, cursor: broken })).toThrow(RangeError);
  });

  it('sends the settings again when the options change what the cursor saved', () => {
    const cursor = { href: '/events?ack=3', settings: DEFAULT_SETTINGS, sendSettings: false };
    expect(createEventChannel({ ...base, cursor }).cursor.sendSettings).toBe(false);
    const changed = createEventChannel({ ...base, cursor, settings: { medium: 30 } });
    expect(changed.cursor).toMatchObject({ sendSettings: true, settings: { medium: 30 } });
  });
});
