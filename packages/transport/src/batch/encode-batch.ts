import type { CodecSet } from '../codecs.ts';
import type { BatchRequest } from './batch-request.ts';
import { writeHttpMessage, writeMultipart } from './multipart.ts';

/** A batch request ready to send: the resolved URL of each part and the multipart body. */
export interface EncodedPart {
  readonly request: BatchRequest;
  readonly url: URL;
}

/**
 * Encodes `multipart/batching` (BatchingRequests.md): one `application/http;
 * msgtype=request` part per request with its `Host`, `Accept`, and for bodies the codec's
 * content type; a PUT carries `If-Match`. No part carries `Authorization`: the one on
 * the batch POST covers them.
 */
export function encodeBatch(
  codecs: CodecSet,
  boundary: string,
  parts: readonly EncodedPart[],
): string {
  const messages = parts.map(({ request, url }) => {
    const headers = new Headers({ host: url.host, accept: codecs.mediaType });
    let body = '';
    if (request.resource !== undefined) {
      body = codecs.send.encodeResource(request.resource);
      if (request.resource.etag !== undefined) headers.set('if-match', request.resource.etag);
    } else if (request.input !== undefined) {
      body = codecs.send.encodeInput(request.input);
    }
    if (body !== '') headers.set('content-type', codecs.mediaType);
    return writeHttpMessage({
      startLine: `${request.method} ${url.pathname}${url.search} HTTP/1.1`,
      headers,
      body,
    });
  });
  return writeMultipart(boundary, 'request', messages);
}
