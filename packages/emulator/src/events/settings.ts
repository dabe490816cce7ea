/** Aggregation and timeout settings of one event channel, in seconds. */
export interface ChannelSettings {
  readonly timeout: number;
  readonly medium: number;
  readonly low: number;
}

/** EventChannelDetails.md: timeout 180–1800 s, default 180; medium 5 s; low 15 s. */
export const DEFAULT_SETTINGS: ChannelSettings = { timeout: 180, medium: 5, low: 15 };
export const MIN_TIMEOUT = 180;
export const MAX_TIMEOUT = 1800;

const clamp = (value: number, min: number, max: number): number =>
  Math.min(max, Math.max(min, value));

function seconds(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * The settings after a P-GET's query: given values replace the remembered ones (the
 * server remembers them for later P-GETs), `timeout` clamped to 180–1800 s.
 */
export function applyQuery(current: ChannelSettings, query: URLSearchParams): ChannelSettings {
  const timeout = seconds(query, 'timeout');
  const medium = seconds(query, 'medium');
  const low = seconds(query, 'low');
  return {
    timeout: timeout === undefined ? current.timeout : clamp(timeout, MIN_TIMEOUT, MAX_TIMEOUT),
    medium: medium === undefined ? current.medium : clamp(medium, 0, MAX_TIMEOUT),
    low: low === undefined ? current.low : clamp(low, 0, MAX_TIMEOUT),
  };
}

/** The `priority` query parameter of a P-GET (EventsInUCWA.md), 0 when absent. */
export function requestPriority(query: URLSearchParams): number {
  const value = Number(query.get('priority') ?? '0');
  return Number.isFinite(value) ? value : 0;
}
