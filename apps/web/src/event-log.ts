import type { Session } from '@ucwa/client';
import { h } from './dom.ts';

const KEEP = 200;

/** The event log panel. */
export interface EventLog {
  readonly element: HTMLElement;
  /** Adds a line of the app's own (a status change). */
  note(text: string): void;
}

/** Every event of the session's channel (time, rel, type, sender), newest first. */
export function eventLog(session: Session): EventLog {
  const list = h('ul', { class: 'log', 'data-testid': 'event-log' });
  const add = (text: string) => {
    list.prepend(h('li', {}, `${new Date().toLocaleTimeString()} ${text}`));
    while (list.childElementCount > KEEP) list.lastElementChild?.remove();
  };
  session.on({}, (event, sender) => add(`${event.link.rel} ${event.type} from ${sender.rel}`));
  return { element: h('section', {}, h('h2', {}, 'Events'), list), note: add };
}
