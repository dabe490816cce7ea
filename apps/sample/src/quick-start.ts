import { findLink, listEmbedded, type UnknownResource } from '@ucwa/model';
import { createTransport } from '@ucwa/transport';

const transport = createTransport({
  origin: process.env.UCWA_ORIGIN ?? 'https://lyncweb.contoso.com',
  format: 'json',
  auth: { username: 'alice@contoso.com', password: process.env.UCWA_PASSWORD ?? '' },
});

/** The href of `resource`'s `rel` link: every URL comes from a link the server sent. */
function href(resource: UnknownResource, rel: string): string {
  const link = findLink(resource, rel);
  if (link === undefined) throw new Error(`${resource.rel} has no "${rel}" link`);
  return link.href;
}

// 1. Discovery: the root needs no token and links the user resource.
const root = await transport.get('/Autodiscover/AutodiscoverService.svc/root', { auth: false });
// 2. The user resource: its 401 names the token endpoint; the transport signs in and replays.
const user = await transport.get(href(root, 'user'));
// 3. An application: this client's endpoint, embedding `me`, `people` and `communication`.
const created = await transport.post(href(user, 'applications'), {
  properties: { userAgent: 'my-app/1.0', endpointId: crypto.randomUUID(), culture: 'en-US' },
});
const application = created.resource; // the 201 carries it
if (application === undefined) throw new Error('POST applications answered without a body');
// 4. makeMeAvailable: until then the user cannot be reached and has no presence.
const [me] = listEmbedded(application, 'me');
if (me === undefined) throw new Error('the application embeds no "me"');
await transport.post(href(me, 'makeMeAvailable'), {
  properties: { signInAs: 'Online', supportedModalities: ['Messaging'] },
});
// 5. Read `me` again: the embedded copy predates makeMeAvailable; the new one links
//    presence, note, location and reportMyActivity.
const meNow = await transport.get(me.href);
const presence = await transport.get(href(meNow, 'presence'));
console.log(`${String(meNow.properties.name)} is ${String(presence.properties.availability)}`);
