import type {
  EventBatch,
  EventSender,
  EventType,
  Link,
  UcwaEvent,
  UnknownResource,
} from '@ucwa/model';
import { eventTypes } from '@ucwa/model/codec';
import { put } from './put.ts';
import { readErrorBody } from './read-error-body.ts';
import { readLink, readLinks } from './read-links.ts';
import { readResource } from './read-resource.ts';
import {
  checkName,
  expected,
  type JsonObject,
  readChild,
  readList,
  readOptionalString,
  readString,
  type Walk,
} from './walk.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The batch's own links, in the order the emulator writes them: one each, never an array. */
export const BATCH_LINKS = ['self', 'next', 'resume', 'resync'] as const;
const STATUSES: readonly string[] = ['success', 'failure'];

/**
 * An event channel answer (EventChannelDetails.md): `_links` self and next / resume /
 * resync, then `sender` blocks in document order, each with its `events`.
 */
export function readEventBatch(walk: Walk, object: JsonObject): EventBatch {
  const links = readLinks(walk, object._links ?? {}, '_links', BATCH_LINKS);
  const batch: Mutable<EventBatch> = { href: '', senders: [] };
  for (const rel of BATCH_LINKS) {
    const link = links[rel] as Link | undefined;
    if (link !== undefined) batch[rel === 'self' ? 'href' : rel] = link.href;
  }
  batch.senders = readList(walk, object.sender, 'sender', readSender);
  return batch;
}

function readSender(walk: Walk, object: JsonObject): EventSender {
  return {
    rel: readString(walk, object.rel, 'rel'),
    href: readOptionalString(walk, object.href, 'href') ?? '',
    events: readList(walk, object.events, 'events', readEvent),
  };
}

/** One of `allowed`, read without case: UCWA writes types in lower case, status as "Success". */
function readWord(walk: Walk, value: unknown, key: string, allowed: readonly string[]): string {
  const word = readString(walk, value, key).toLowerCase();
  return allowed.includes(word) ? word : expected(walk, `a known ${key}`, key);
}

function readEvent(walk: Walk, object: JsonObject): UcwaEvent {
  const link = readChild(walk, object.link, 'link', readLink);
  const event: Mutable<UcwaEvent> = {
    type: readWord(walk, object.type, 'type', eventTypes) as EventType,
    link,
  };
  if (object.in != null) event.in = readChild(walk, object.in, 'in', readLink);
  if (object._embedded != null) {
    put(
      event,
      'resource',
      readChild(walk, object._embedded, '_embedded', readEventResource, link.rel),
    );
  }
  if (object.status != null) {
    event.status = readWord(walk, object.status, 'status', STATUSES) as 'success' | 'failure';
  }
  if (object.reason != null) {
    event.reason = readChild(walk, object.reason, 'reason', readErrorBody);
  }
  return event;
}

/**
 * The resource an event embeds: the entry named like the event's link, else the first
 * one (an event embeds at most one resource).
 */
function readEventResource(
  walk: Walk,
  embedded: JsonObject,
  linkRel: string,
): UnknownResource | undefined {
  const rel = Object.hasOwn(embedded, linkRel) ? linkRel : Object.keys(embedded)[0];
  if (rel === undefined) return undefined;
  checkName(walk, rel);
  return readChild(walk, embedded[rel], rel, readResource, rel);
}
