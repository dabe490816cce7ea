import type { EmbeddedBag, ResourceInput, UnknownResource } from '@ucwa/model';
import { UCWA_NAMESPACE, XSI_NAMESPACE } from './media-types.ts';
import { type WriteState, writeLinks, writeProperties } from './write-properties.ts';
import { attribute, checkEncodableName } from './xml-writer.ts';

/** The namespace declarations of a root element. */
export function namespaces(state: WriteState): string {
  return (
    attribute('xmlns', UCWA_NAMESPACE) + (state.nil ? attribute('xmlns:xsi', XSI_NAMESPACE) : '')
  );
}

function writeEmbedded(state: WriteState, embedded: EmbeddedBag): string {
  let out = '';
  for (const rel of Object.keys(embedded)) {
    checkEncodableName(rel);
    const value = embedded[rel] as UnknownResource | readonly UnknownResource[];
    if (Array.isArray(value)) {
      for (const item of value as readonly UnknownResource[]) {
        out += writeResource(state, item, false, rel);
      }
    } else {
      out += writeResource(state, value as UnknownResource, false, rel);
    }
  }
  return out;
}

/**
 * `<resource rel href>`, then links, properties and embedded resources, as the
 * reference's examples order them. A root element declares the namespaces, after its
 * body is written so it knows whether `xsi` is needed. `href` is written when it is not
 * empty or a self link exists.
 *
 * An embedded resource is named by its relationship (`rel`, the bag key), as the
 * reference's XML does (`<resource rel="acceptedByParticipant">`) where JSON may give
 * the type instead (`"rel": "participant"` under `acceptedByParticipant`); XML has room
 * for one of the two, and decoding keys embedded resources by it.
 */
export function writeResource(
  state: WriteState,
  resource: UnknownResource,
  root: boolean,
  relationship = resource.rel,
): string {
  checkEncodableName(relationship);
  const body =
    writeLinks(resource.links, true) +
    writeProperties(state, resource.properties, true) +
    writeEmbedded(state, resource.embedded);
  const rel = relationship === '' ? '' : attribute('rel', relationship);
  const hasHref = resource.href !== '' || Object.hasOwn(resource.links, 'self');
  const href = hasHref ? attribute('href', resource.href) : '';
  const head = `<resource${rel}${href}${root ? namespaces(state) : ''}`;
  return body === '' ? `${head}/>` : `${head}>${body}</resource>`;
}

/** `<input>` with the properties, then the links (an input has no `href` attribute). */
export function writeInput(input: ResourceInput): string {
  const state: WriteState = { nil: false };
  const body =
    writeProperties(state, input.properties, true) + writeLinks(input.links ?? {}, false);
  const head = `<input${namespaces(state)}`;
  return body === '' ? `${head}/>` : `${head}>${body}</input>`;
}
