import { UcwaEventsError } from './ucwa-events-error.ts';

/** The server answered a P-GET with a batch the channel cannot continue from. */
export class UcwaChannelProtocolError extends UcwaEventsError {
  override readonly name = 'UcwaChannelProtocolError' as const;
  /** The href of the P-GET that got the answer. */
  readonly href: string;

  constructor(message: string, href: string) {
    super(`${message} (P-GET ${href})`);
    this.href = href;
  }
}
