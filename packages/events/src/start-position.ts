import type { EventChannelOptions } from './options.ts';
import { resolveSettings, sameSettings } from './settings.ts';
import type { ChannelSettings } from './types.ts';

/** Where a new channel starts: its first href, settings, and whether to send them. */
export interface StartPosition {
  readonly href: string;
  readonly settings: ChannelSettings;
  readonly sendSettings: boolean;
}

/**
 * The start of a channel from its options. A cursor comes from storage or another
 * process, so it is checked like input: a non-empty href, settings clamped to their ranges
 * (a value that is no number is a `RangeError`), explicit settings winning over its own.
 */
export function startPosition(options: EventChannelOptions): StartPosition {
  const { cursor } = options;
  const href = cursor === undefined ? options.href : cursor.href;
  if (typeof href !== 'string' || href === '') {
    const what = cursor === undefined ? 'the events href (href)' : 'a cursor with an href';
    throw new TypeError(`createEventChannel needs ${what}`);
  }
  if (cursor === undefined) {
    return { href, settings: resolveSettings(options.settings), sendSettings: true };
  }
  const saved = resolveSettings(cursor.settings);
  const settings = resolveSettings(options.settings, saved);
  return {
    href,
    settings,
    sendSettings: cursor.sendSettings !== false || !sameSettings(settings, saved),
  };
}
