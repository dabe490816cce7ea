import type { EventBatch, UcwaEvent } from '@ucwa/model';
import { eventsHref, messageEvent } from './fake-server.ts';

/**
 * A model of the server side of one event channel (EventChannelDetails.md): events queue
 * up; a P-GET on `ack=n` gets batch n, formed once and answered again until the client
 * follows its `next` (`ack=n+1`); any other ack gets a lone `resync` to the first batch
 * not acknowledged.
 */
export class ModelServer {
  #nextEvent = 1;
  #queue: UcwaEvent[] = [];
  #expected = 1;
  #formed: EventBatch | undefined;
  /** Every event in the order the server put it into batches, each batch once. */
  readonly sent: UcwaEvent[] = [];

  produce(count: number): void {
    for (let i = 0; i < count; i += 1) this.#queue.push(messageEvent(this.#nextEvent++));
  }

  get backlog(): number {
    return this.#queue.length + (this.#formed === undefined ? 0 : 1);
  }

  /** The answer to a P-GET on `href`; `link` chooses how a new batch points onward. */
  answer(href: string, link: 'next' | 'resume' = 'next'): EventBatch {
    const ack = this.#receive(href);
    if (ack !== this.#expected) return this.resync(href);
    if (this.#formed !== undefined) return this.#formed;
    const events = this.#queue;
    this.#queue = [];
    this.sent.push(...events);
    this.#formed = {
      href: eventsHref(ack),
      [link]: eventsHref(ack + 1),
      senders: events.length === 0 ? [] : [{ rel: 'conversation', href: '/c', events }],
    };
    return this.#formed;
  }

  /** A lone `resync` to the P-GET on `href`, pointing at the first batch not acknowledged. */
  resync(href: string): EventBatch {
    this.#receive(href);
    const first = eventsHref(this.#expected);
    return { href: first, resync: first, senders: [] };
  }

  /** A P-GET reached the server: following `next` acknowledges the formed batch. */
  #receive(href: string): number {
    const ack = Number(new URL(href, 'http://x').searchParams.get('ack'));
    if (ack === this.#expected + 1 && this.#formed !== undefined) {
      this.#formed = undefined;
      this.#expected = ack;
    }
    return ack;
  }
}
