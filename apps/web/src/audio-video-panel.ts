import {
  AUDIO_VIDEO_ACTIONS,
  type AudioVideo,
  type AudioVideoAction,
  type AudioVideoState,
  type Conversation,
} from '@ucwa/client';
import { describeError } from './describe-error.ts';
import { h } from './dom.ts';
import { sipUri } from './sip-uri.ts';

/** Actions whose request needs the remote party's address. */
const NEEDS_TO = new Set(['addAudio', 'addVideo', 'addAudioVideo']);

function render(
  state: AudioVideoState,
  fields: Record<string, HTMLElement>,
  buttons: Map<AudioVideoAction, HTMLButtonElement>,
): void {
  const set = (name: string, value: unknown) => {
    const target = fields[name];
    if (target)
      target.textContent =
        value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);
  };
  set('state', state.state);
  set('videoSourcesAllowed', state.videoSourcesAllowed);
  set('supportsReplaces', state.supportsReplaces);
  for (const [action, button] of buttons) button.disabled = !state.actions.includes(action);
}

/** The audioVideo modality of one conversation: its state and one button per action. */
export function audioVideoPanel(
  conversation: Conversation,
  remote: string,
  onError: (message: string) => void,
): HTMLElement {
  const fields: Record<string, HTMLElement> = {};
  const rows = ['state', 'videoSourcesAllowed', 'supportsReplaces'].map((name) => {
    fields[name] = h('span', { 'data-testid': `av-${name}` }, '…');
    return h('li', {}, `${name}: `, fields[name]);
  });
  const buttons = new Map<AudioVideoAction, HTMLButtonElement>();
  let av: AudioVideo | undefined;
  for (const action of AUDIO_VIDEO_ACTIONS) {
    const button = h('button', { type: 'button', disabled: true, 'data-action': action }, action);
    button.addEventListener('click', () => {
      const input = NEEDS_TO.has(action) ? { to: sipUri(remote) } : undefined;
      av?.run(action, input).catch((error: unknown) => onError(describeError(error)));
    });
    buttons.set(action, button);
  }
  conversation.audioVideo().then(
    (opened) => {
      av = opened;
      render(opened.current, fields, buttons);
      opened.onChange((state) => render(state, fields, buttons));
    },
    (error: unknown) => onError(describeError(error)),
  );
  return h(
    'div',
    { 'data-testid': 'audio-video' },
    h('h3', {}, 'audioVideo'),
    h('ul', {}, ...rows),
    h('p', {}, ...buttons.values()),
  );
}
