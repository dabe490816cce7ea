import { findLinks, isResource, type Resource, type VideoSourcesAllowed } from '@ucwa/model';
import { documentedError } from '../errors/documented-error.ts';
import { isUcwaClientError } from '../errors/ucwa-client-error.ts';
import type { OperationInputs } from '../generated/inputs.ts';
import { type InvokeResult, invokeLink } from '../session/invoke.ts';
import type { SessionCore } from '../session/session-core.ts';
import type { ConversationRoute } from './conversation-routes.ts';

/** The actions audioVideo_ref.md lists, each a link present only when it applies. */
export const AUDIO_VIDEO_ACTIONS = [
  'addAudio',
  'addAudioVideo',
  'addVideo',
  'stopAudio',
  'stopAudioVideo',
  'stopVideo',
  'escalateAudio',
  'escalateAudioVideo',
  'replaceWithPhoneAudio',
  'videoFreeze',
  'videoLockedOnParticipant',
  'reportMediaDiagnostics',
] as const;

/** An audioVideo action. */
export type AudioVideoAction = (typeof AUDIO_VIDEO_ACTIONS)[number];

/** The input of an action: from the catalog where it documents a POST, else none. */
export type AudioVideoInput<A extends AudioVideoAction> = A extends keyof OperationInputs
  ? OperationInputs[A]
  : Readonly<Record<string, never>>;

/** The state of the audioVideo modality as last reported. */
export interface AudioVideoState {
  readonly href: string;
  /** `Disconnected`, `Connecting`, `Connected`, ... */
  readonly state: string | undefined;
  readonly supportsReplaces: string | undefined;
  readonly videoSourcesAllowed: VideoSourcesAllowed | undefined;
  /** The actions offered now: one per link present. */
  readonly actions: readonly AudioVideoAction[];
  readonly resource: Resource<'audioVideo'>;
}

/** The audioVideo modality of a conversation, kept current by `updated` events. */
export interface AudioVideo {
  /** The state now. */
  readonly current: AudioVideoState;
  /** Called on every change of the modality. */
  onChange(handler: (state: AudioVideoState) => void): () => void;
  /**
   * Runs an action through its link. A failure the reference documents for it (500
   * InvalidExchangeServerVersion, 409 AlreadyExists or TooManyGroups, 410 CannotRedirect)
   * rejects with `UcwaDocumentedError`; an action not offered now with `UcwaLinkError`.
   */
  run<A extends AudioVideoAction>(action: A, input?: AudioVideoInput<A>): Promise<InvokeResult>;
  /** Stops following the modality. */
  close(): void;
}

function stateOf(resource: Resource<'audioVideo'>, href: string): AudioVideoState {
  const p = resource.properties;
  return {
    href,
    state: p.state,
    supportsReplaces: p.supportsReplaces,
    videoSourcesAllowed: p.videoSourcesAllowed,
    actions: AUDIO_VIDEO_ACTIONS.filter((a) => findLinks(resource, a).length > 0),
    resource,
  };
}

/** The audioVideo modality of the route's conversation now. */
async function readAudioVideo(
  core: SessionCore,
  route: ConversationRoute,
): Promise<Resource<'audioVideo'>> {
  const conversation = await core.store.read(route.current);
  const link = findLinks(conversation, 'audioVideo')[0];
  if (link === undefined) throw new TypeError(`${route.current} links no audioVideo`);
  const resource = await core.store.read(core.key(link.href), { fresh: true });
  if (!isResource(resource, 'audioVideo'))
    throw new TypeError(`${link.href} is not an audioVideo resource`);
  return resource;
}

/**
 * Follows the audioVideo modality of the conversation of `route`; when the session sets the
 * conversation up again after a loss, it follows the new conversation's modality.
 */
export async function openAudioVideo(
  core: SessionCore,
  route: ConversationRoute,
): Promise<AudioVideo> {
  const handlers = new Set<(state: AudioVideoState) => void>();
  const first = await readAudioVideo(core, route);
  let current = stateOf(first, core.key(first.href));
  const show = (resource: Resource<'audioVideo'>): void => {
    current = stateOf(resource, core.key(resource.href));
    for (const handler of [...handlers]) handler(current);
  };
  const watch = (key: string) =>
    core.store.watch(key, (change) => {
      const resource = change.resource;
      if (resource !== undefined && isResource(resource, 'audioVideo')) show(resource);
    });
  let unwatch = watch(current.href);
  let closed = false;
  let moves = 0;
  const moved = (): void => {
    // Only the read of the latest move counts, and none after close().
    const move = ++moves;
    void readAudioVideo(core, route).then(
      (resource) => {
        if (closed || move !== moves) return;
        unwatch();
        unwatch = watch(core.key(resource.href));
        show(resource);
      },
      () => {},
    );
  };
  route.moved.add(moved);
  return {
    get current() {
      return current;
    },
    onChange: (handler) => {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    run: async (action, input) => {
      try {
        return await invokeLink(core, current.resource, action, input ?? {});
      } catch (error) {
        // The action's own page was matched already; audioVideo_ref.md lists the same failures.
        throw isUcwaClientError(error) ? error : documentedError(error, 'audioVideo', 'GET');
      }
    },
    close: () => {
      closed = true;
      route.moved.delete(moved);
      unwatch();
      handlers.clear();
    },
  };
}
