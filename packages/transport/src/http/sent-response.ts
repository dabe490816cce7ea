import type { RequestSummary } from '../errors/request-summary.ts';
import type { Sent } from './send-spec.ts';

/** A {@link Sent} over a response; a class, so its getters live once on the prototype. */
export class SentResponse implements Sent {
  readonly body: Response;
  readonly url: URL;
  readonly #call: { readonly request: RequestSummary };

  constructor(response: Response, url: URL, call: { readonly request: RequestSummary }) {
    this.body = response;
    this.url = url;
    this.#call = call;
  }

  get status(): number {
    return this.body.status;
  }

  get statusText(): string {
    return this.body.statusText;
  }

  get headers(): Headers {
    return this.body.headers;
  }

  get request(): RequestSummary {
    return this.#call.request;
  }
}
