import { isResource, listEmbedded, type Resource } from '@ucwa/model';
import { invokeLink } from '../session/invoke.ts';
import { followLink } from '../session/navigation.ts';
import type { SessionCore } from '../session/session-core.ts';
import { subscribe } from '../session/subscribe.ts';

// The lobby of an online meeting (lobby_ref.md): joiners the meeting's access level does not
// let in at once wait there; a leader of the meeting (its organizer, or one it names) sees
// them in its conversation's lobby and admits or rejects each (admit_ref.md, reject_ref.md).

/** Someone started or stopped waiting in the lobby of a meeting the user leads. */
export interface LobbyChange {
  /** The participant's href: the same one it keeps in the roster once admitted. */
  readonly href: string;
  /** `true` while waiting; `false` once admitted, rejected or gone. */
  readonly waiting: boolean;
  /**
   * The waiting participant (`uri`, `name`, `inLobby`, and the `admit` / `reject` links),
   * when `waiting`; pass it to `admit` or `reject`.
   */
  readonly participant: Resource<'participant'> | undefined;
}

/** Each participant entering and leaving the lobby of the conversation `mine` recognizes. */
export function onLobby(
  core: SessionCore,
  mine: (conversationHref: string) => boolean,
  handler: (change: LobbyChange) => void | Promise<void>,
): () => void {
  return subscribe(core, { rel: 'participant', sender: 'conversation' }, (event, sender) => {
    if (!mine(sender.href) || event.in?.rel !== 'lobby') return undefined;
    if (event.type !== 'added' && event.type !== 'deleted') return undefined;
    const waiting = event.type === 'added';
    const resource = waiting ? event.resource : undefined;
    // The channel waits for the handler's promise, as for an invitation: one that admits
    // from here sees the next change after its admit.
    return handler({
      href: core.key(event.link.href),
      waiting,
      participant:
        resource !== undefined && isResource(resource, 'participant') ? resource : undefined,
    });
  });
}

/** The participants waiting in the lobby of `conversation` now (none unless the user leads). */
export async function lobbyParticipants(
  core: SessionCore,
  conversation: Resource<'conversation'>,
): Promise<Resource<'participant'>[]> {
  const lobby = await followLink(core, conversation, 'lobby');
  const fresh = await core.store.read(lobby.href, { fresh: true });
  return listEmbedded(fresh, 'participant').filter((p) => isResource(p, 'participant'));
}

/**
 * Admits a waiting participant into the meeting, or rejects it, through its `admit` /
 * `reject` link: `UcwaLinkError` when the stored participant links none any more, the
 * server's refusal (404) when it no longer waits.
 */
export async function decide(
  core: SessionCore,
  participant: Resource<'participant'>,
  action: 'admit' | 'reject',
): Promise<void> {
  await invokeLink(core, participant, action);
}
