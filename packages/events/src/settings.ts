import type { ChannelSettings } from './types.ts';

/** The documented defaults (events_ref.md). */
export const DEFAULT_SETTINGS: ChannelSettings = { timeout: 180, medium: 5, low: 15 };

/** The documented ranges, in seconds (events_ref.md). */
export const SETTING_RANGES: Readonly<Record<keyof ChannelSettings, readonly [number, number]>> = {
  timeout: [180, 1800],
  medium: [5, 1800],
  low: [5, 1800],
};

function clamp(name: keyof ChannelSettings, value: number): number {
  const [min, max] = SETTING_RANGES[name];
  if (!Number.isFinite(value)) {
    throw new RangeError(`event channel setting "${name}" must be a finite number, got ${value}`);
  }
  return Math.min(max, Math.max(min, Math.round(value)));
}

/**
 * `base` with `changes` applied, each value rounded to whole seconds and clamped to its
 * documented range; a value that is not a finite number is a `RangeError`.
 */
export function resolveSettings(
  changes: Partial<ChannelSettings> | undefined,
  base: ChannelSettings = DEFAULT_SETTINGS,
): ChannelSettings {
  if (changes === undefined) return base;
  return {
    timeout: changes.timeout === undefined ? base.timeout : clamp('timeout', changes.timeout),
    medium: changes.medium === undefined ? base.medium : clamp('medium', changes.medium),
    low: changes.low === undefined ? base.low : clamp('low', changes.low),
  };
}

/** Whether two settings differ. */
export function sameSettings(a: ChannelSettings, b: ChannelSettings): boolean {
  return a.timeout === b.timeout && a.medium === b.medium && a.low === b.low;
}

/** The settings as P-GET query parameters (EventChannelDetails.md). */
export function settingsQuery(settings: ChannelSettings): Record<string, string> {
  return {
    timeout: String(settings.timeout),
    medium: String(settings.medium),
    low: String(settings.low),
  };
}
