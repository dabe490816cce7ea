import { ucwaError } from '../http/errors.ts';
import type { ErrorReply } from '../http/types.ts';

/**
 * What an anonymous meeting participant may not reach (CoreCapabilities.md,
 * AuthenticationInUCWA.md): the directory and contacts (search, presence and photos of
 * others), meetings of its own, and conversations with arbitrary users. Matched on the
 * route's declared path, relative to the application.
 */
const OUTSIDE_THE_MEETING: readonly RegExp[] = [
  /^people(\/|$)/i,
  /^photos(\/|$)/i,
  /^onlineMeetings(\/|$)/i,
  /^communication\/(messaging|phoneAudio)Invitations$/i,
  // Inviting others into the meeting is the users' business, not an anonymous guest's.
  /^communication\/conversations\/:conversation\/addParticipant$/i,
];

/** 403 for a route an anonymous identity may not use; `undefined` when it may. */
export function anonymousRefusal(routePath: string): ErrorReply | undefined {
  if (!OUTSIDE_THE_MEETING.some((pattern) => pattern.test(routePath))) return undefined;
  return ucwaError(403, 'AnonymousNotAllowed', {
    message: 'An anonymous participant can only take part in its meeting.',
  });
}

/** Resources the application does not embed for an anonymous identity (all 403 to it). */
export const HIDDEN_FROM_ANONYMOUS: ReadonlySet<string> = new Set(['people', 'onlineMeetings']);
