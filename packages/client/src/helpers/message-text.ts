import {
  dataUriText,
  findLinks,
  formatDataUri,
  parseDataUri,
  type UnknownResource,
} from '@ucwa/model';

/** A message's text and whether it is HTML. */
export interface MessageText {
  readonly text: string;
  readonly html: boolean;
}

/**
 * The text of a message or invitation resource: its `plainMessage`/`htmlMessage` (or, on
 * an invitation, `message`) link holds a `data:` URI (ReceiveAnIM.md).
 */
export function messageText(resource: UnknownResource): MessageText | undefined {
  for (const rel of ['plainMessage', 'htmlMessage', 'message']) {
    const href = findLinks(resource, rel)[0]?.href;
    if (href === undefined || !href.startsWith('data:')) continue;
    const data = parseDataUri(href);
    return {
      text: dataUriText(data),
      html: rel === 'htmlMessage' || data.mediaType === 'text/html',
    };
  }
  return undefined;
}

/** A `data:` URI for a first message: plain text, or HTML when `html` is set. */
export function messageDataUri(text: string, html = false): string {
  return formatDataUri(text, { mediaType: html ? 'text/html' : 'text/plain' });
}
