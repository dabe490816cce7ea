import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkBody } from '../src/extract/examples.ts';
import { checkOutputs, extractSpec, renderOutputs, renderReport } from '../src/extract/main.ts';
import type { ExtractResult, HttpMethod, ResourceSpec } from '../src/extract/types.ts';
import { parseXml } from '../src/extract/xml.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const docsDir = resolve(repoRoot, '../shared/ucwa-docs');

let cached: ExtractResult | undefined;
function result(): ExtractResult {
  cached ??= extractSpec(docsDir);
  return cached;
}
function res(name: string): ResourceSpec {
  const r = result().spec.resources[name];
  if (!r) throw new Error(`no resource ${name}`);
  return r;
}

// Truth read from the pages by hand (Properties / Links tables, Events tables, operation headings).
// Links listed twice in a table (e.g. myContacts "contact") appear once.
type Row = { props: string[]; links: string[]; events: string[]; ops: HttpMethod[] };
const TRUTH: Record<string, Row> = {
  application: {
    props: ['type', 'culture', 'endpointId', 'id', 'instanceId', 'userAgent'],
    links: [
      'self',
      'batch',
      'events',
      'policies',
      'reportMyNetwork',
      'communication',
      'me',
      'onlineMeetings',
      'people',
    ],
    events: [],
    ops: ['GET', 'DELETE'],
  },
  applications: { props: [], links: [], events: [], ops: ['POST', 'OPTIONS'] },
  events: { props: [], links: ['self'], events: [], ops: ['GET'] },
  myContacts: {
    props: [],
    links: ['self', 'contact'],
    events: ['Added/contact/High/people', 'Deleted/contact/High/people'],
    ops: ['GET'],
  },
  callForwardingSettings: {
    props: ['activePeriod', 'activeSetting', 'unansweredCallHandling'],
    links: [
      'self',
      'turnOffCallForwarding',
      'immediateForwardSettings',
      'simultaneousRingSettings',
      'unansweredCallSettings',
    ],
    events: [],
    ops: ['GET', 'PUT'],
  },
  contact: {
    props: [
      'company',
      'department',
      'emailAddresses',
      'homePhoneNumber',
      'sourceNetworkIconUrl',
      'mobilePhoneNumber',
      'name',
      'office',
      'otherPhoneNumber',
      'sourceNetwork',
      'title',
      'type',
      'uri',
      'workPhoneNumber',
    ],
    links: [
      'self',
      'contactLocation',
      'contactNote',
      'contactPhoto',
      'contactPresence',
      'contactPrivacyRelationship',
      'contactSupportedModalities',
    ],
    events: [],
    ops: ['GET'],
  },
  me: {
    props: [
      'company',
      'department',
      'emailAddresses',
      'endpointUri',
      'homePhoneNumber',
      'mobilePhoneNumber',
      'name',
      'officeLocation',
      'otherPhoneNumber',
      'title',
      'uri',
      'workPhoneNumber',
    ],
    links: [
      'self',
      'callForwardingSettings',
      'location',
      'makeMeAvailable',
      'note',
      'phones',
      'photo',
      'presence',
      'reportMyActivity',
    ],
    events: ['Updated/me/Medium/me'],
    ops: ['GET'],
  },
  people: {
    props: [],
    links: [
      'self',
      'myContactsAndGroupsSubscription',
      'myContacts',
      'myGroupMemberships',
      'myGroups',
      'myPrivacyRelationships',
      'presenceSubscriptionMemberships',
      'presenceSubscriptions',
      'search',
      'subscribedContacts',
    ],
    events: [],
    ops: ['GET'],
  },
  presence: {
    props: ['activity', 'availability'],
    links: ['self'],
    events: [
      'Added/presence/Medium/me',
      'Updated/presence/Medium/me',
      'Deleted/presence/Medium/me',
    ],
    ops: ['GET', 'POST'],
  },
  note: {
    props: ['message', 'type'],
    links: ['self'],
    events: ['Added/note/Medium/me', 'Updated/note/Medium/me', 'Deleted/note/Medium/me'],
    ops: ['GET', 'POST'],
  },
  phones: { props: [], links: ['self', 'phone'], events: [], ops: ['GET'] },
  myGroups2: {
    props: [],
    links: [
      'self',
      'defaultGroup',
      'delegatesGroup',
      'delegatorsGroup',
      'distributionGroup',
      'group',
      'myOrganizationGroup',
      'pinnedGroup',
    ],
    events: [
      'Added/group/High/people',
      'Added/defaultGroup/Low/people',
      'Added/pinnedGroup/Low/people',
      'Added/distributionGroup/High/people',
      'Added/delegatesGroup/High/people',
      'Added/delegatorsGroup/High/people',
      'Added/myOrganizationGroup/Low/people',
      'Updated/delegatorsGroup/High/people',
      'Updated/myOrganizationGroup/Low/people',
      'Deleted/group/High/people',
      'Deleted/defaultGroup/Low/people',
      'Deleted/pinnedGroup/Low/people',
      'Deleted/distributionGroup/High/people',
      'Deleted/delegatorsGroup/High/people',
    ],
    ops: ['GET', 'POST'],
  },
  reason: { props: ['code', 'message', 'subcode'], links: ['self'], events: [], ops: ['GET'] },
  makeMeAvailable: { props: [], links: [], events: [], ops: ['POST'] },
  participant: {
    props: [
      'anonymous',
      'inLobby',
      'local',
      'name',
      'organizer',
      'otherPhoneNumber',
      'role',
      'sourceNetwork',
      'uri',
      'workPhoneNumber',
    ],
    links: [
      'self',
      'admit',
      'contact',
      'contactPhoto',
      'contactPresence',
      'conversation',
      'demote',
      'eject',
      'me',
      'participantApplicationSharing',
      'participantAudio',
      'participantDataCollaboration',
      'participantMessaging',
      'participantPanoramicVideo',
      'participantVideo',
      'promote',
      'reject',
    ],
    events: [
      'Added/participant/High/conversation',
      'Updated/participant/High/conversation',
      'Deleted/participant/High/conversation',
    ],
    ops: ['GET'],
  },
  messaging: {
    props: ['negotiatedMessageFormats', 'state'],
    links: [
      'self',
      'addMessaging',
      'conversation',
      'sendMessage',
      'setIsTyping',
      'stopMessaging',
      'typingParticipants',
    ],
    events: ['Updated/messaging/High/conversation'],
    ops: ['GET'],
  },
  sendMessage: { props: [], links: [], events: [], ops: ['POST'] },
  search: {
    props: ['moreResultsAvailable'],
    links: ['self', 'contact', 'distributionGroup'],
    events: [],
    ops: ['GET'],
  },
  resumePhoneAudio: { props: [], links: [], events: [], ops: ['POST'] },
  communication: {
    props: [
      'audioPreference',
      'conversationHistory',
      'lisLocation',
      'lisQueryResult',
      'phoneNumber',
      'publishEndpointLocation',
      'supportedMessageFormats',
      'supportedModalities',
      'videoBasedScreenSharing',
    ],
    links: [
      'self',
      'conversationLogs',
      'conversations',
      'joinOnlineMeeting',
      'mediaPolicies',
      'mediaRelayAccessToken',
      'missedItems',
      'replayMessage',
      'startAudioOnBehalfOfDelegator',
      'startAudio',
      'startAudioVideoOnBehalfOfDelegator',
      'startAudioVideo',
      'startEmergencyCall',
      'startMessaging',
      'startOnlineMeeting',
      'startPhoneAudioOnBehalfOfDelegator',
      'startPhoneAudio',
      'startVideo',
    ],
    events: ['Updated/communication/Medium/communication'],
    ops: ['GET', 'PUT'],
  },
  startMessaging: { props: [], links: [], events: [], ops: ['POST'] },
  messagingInvitation: {
    props: [
      'customContent',
      'direction',
      'importance',
      'message',
      'operationId',
      'state',
      'subject',
      'threadId',
      'to',
    ],
    links: [
      'self',
      'accept',
      'acceptedByContact',
      'cancel',
      'conversation',
      'decline',
      'derivedMessaging',
      'from',
      'messaging',
      'onBehalfOf',
      'to',
      'acceptedByParticipant',
    ],
    events: [
      'Started/messagingInvitation/High/communication',
      'Updated/messagingInvitation/High/communication',
      'Completed/messagingInvitation/High/communication',
    ],
    ops: ['GET'],
  },
};

describe.skipIf(!existsSync(docsDir))('UCWA reference extractor', () => {
  it('finds every resource page and enumeration', () => {
    const { spec } = result();
    expect(Object.keys(spec.resources)).toHaveLength(238);
    expect(Object.values(spec.resources).filter((r) => r.revision === 2)).toHaveLength(13);
    expect(Object.keys(spec.enums)).toHaveLength(56);
    expect(Object.values(spec.enums).reduce((n, e) => n + e.values.length, 0)).toBe(314);
    expect(spec.source.attribution).toBe('UCWA 2.0 reference © Microsoft, CC BY 4.0');
    expect(res('resumePhoneAudio').page).toBe('resumePhoneAudio_Ref.md');
    expect(res('myGroups2')).toMatchObject({
      page: 'myGroups2_ref.md',
      rel: 'myGroups',
      revision: 2,
    });
    expect(res('myGroups')).toMatchObject({ rel: 'myGroups', revision: 1 });
    expect(spec.enums.VideoSourcesAllowed?.values).toEqual([
      'Everyone',
      'OneParticipant',
      'PresentersOnly',
      'Unknown',
    ]);
  });

  it.each(Object.entries(TRUTH))('%s matches its page', (name, want) => {
    const r = res(name);
    expect(r.properties.filter((p) => p.fromExample !== true).map((p) => p.name)).toEqual(
      want.props,
    );
    expect(r.links.filter((l) => l.fromExample !== true).map((l) => l.rel)).toEqual(want.links);
    expect(r.events.map((e) => `${e.type}/${e.resource}/${e.priority}/${e.sender}`)).toEqual(
      want.events,
    );
    expect(Object.keys(r.operations).sort()).toEqual([...want.ops].sort());
    expect(r.put).toBe(want.ops.includes('PUT'));
  });

  it('reads audioVideo field by field', () => {
    const a = res('audioVideo');
    expect(a).toMatchObject({
      page: 'audioVideo_ref.md',
      rel: 'audioVideo',
      revision: 1,
      put: false,
      operationResource: false,
    });
    expect(a.properties.map((p) => p.name)).toEqual([
      'state',
      'supportsReplaces',
      'videoSourcesAllowed',
    ]);
    expect(a.properties[2]).toMatchObject({
      name: 'videoSourcesAllowed',
      type: 'enum',
      enum: 'VideoSourcesAllowed',
      source: 'enum-link',
    });
    expect(a.properties[0]).toMatchObject({
      name: 'state',
      type: 'string',
      source: 'json-example',
    });
    expect(a.links.map((l) => l.rel)).toEqual([
      'self',
      'addAudio',
      'addAudioVideo',
      'addVideo',
      'audioVideoPolicies',
      'audioVideoSession',
      'conversation',
      'escalateAudio',
      'escalateAudioVideo',
      'replaceWithPhoneAudio',
      'reportMediaDiagnostics',
      'stopAudio',
      'stopAudioVideo',
      'stopVideo',
      'videoFreeze',
      'videoLockedOnParticipant',
    ]);
    expect(a.links.every((l) => !l.array)).toBe(true);
    expect(a.events).toEqual([
      { type: 'Updated', priority: 'High', sender: 'conversation', resource: 'audioVideo' },
    ]);
    expect(Object.keys(a.operations)).toEqual(['GET']);
    expect(a.operations.GET?.errors).toEqual([
      { error: 'ServiceFailure', status: 500, subcode: 'InvalidExchangeServerVersion' },
      { error: 'Conflict', status: 409, subcode: 'AlreadyExists' },
      { error: 'Conflict', status: 409, subcode: 'TooManyGroups' },
      { error: 'Conflict', status: 409, subcode: 'None' },
      { error: 'Gone', status: 410, subcode: 'CannotRedirect' },
    ]);
    expect(a.operations.GET?.response).toBe('audioVideo');
    expect(a.operations.GET?.examples.map((e) => `${e.format}/${e.kind}/${e.status}`)).toEqual([
      'json/request/verbatim',
      'json/response/verbatim',
      'xml/request/verbatim',
      'xml/response/verbatim',
    ]);
    expect(a.scopes).toEqual(['Conversations.Initiate', 'Conversations.Receive']);
    expect(a.eventExamples).toHaveLength(1); // not fenced on the page
    expect(a.eventExamples[0]).toMatchObject({ kind: 'event', format: 'json', status: 'verbatim' });
  });

  it('types properties from examples, enum links and parameter tables', () => {
    const conv = res('conversation').properties;
    expect(conv.find((p) => p.name === 'created')).toMatchObject({
      type: 'date',
      source: 'json-example',
    });
    expect(conv.find((p) => p.name === 'participantCount')).toMatchObject({ type: 'number' });
    expect(conv.find((p) => p.name === 'readLocally')).toMatchObject({ type: 'boolean' });
    const comm = res('communication').properties;
    expect(comm.find((p) => p.name === 'supportedModalities')).toMatchObject({
      type: 'enum',
      enum: 'ModalityType',
      array: true,
    });
    expect(res('contact').properties.find((p) => p.name === 'emailAddresses')).toMatchObject({
      type: 'string',
      array: true,
    });
    expect(res('callForwardingSettings').properties[0]).toMatchObject({
      name: 'activePeriod',
      type: 'enum',
      enum: 'ActivePeriod',
      source: 'parameter-table',
    });
    expect(res('messagingInvitation').properties.find((p) => p.name === 'message')).toMatchObject({
      inLinks: true,
    });
  });

  it('reads arrays, embedded resources, operation resources and responses', () => {
    expect(res('myContacts').links.find((l) => l.rel === 'contact')?.array).toBe(true);
    expect(res('myContacts').embedded).toContainEqual({ rel: 'contact', array: true });
    // A page that opens with "A collection of [participant](participant_ref.md) resources"
    // links its members as an array, though it has no example to show one.
    expect(res('participants').links.find((l) => l.rel === 'participant')?.array).toBe(true);
    expect(
      res('presenceSubscriptionMemberships').links.find(
        (l) => l.rel === 'presenceSubscriptionMembership',
      )?.array,
    ).toBe(true);
    expect(res('application').embedded.map((e) => e.rel)).toEqual([
      'communication',
      'me',
      'onlineMeetings',
      'people',
    ]);
    expect(res('messagingInvitation')).toMatchObject({ operationResource: true });
    expect(res('startMessaging').operations.POST?.response).toBe('messagingInvitation');
    expect(res('applications').operations.POST?.response).toBe('application');
    expect(res('applications').operations.OPTIONS?.response).toBeUndefined();
    expect(res('callForwardingSettings')).toMatchObject({ put: true });
    const body = res('startMessaging').operations.POST?.body ?? [];
    expect(body.map((b) => b.name)).toEqual([
      'operationId',
      'to',
      'importance',
      'subject',
      'threadId',
      'message',
    ]);
    expect(body.find((b) => b.name === 'importance')).toMatchObject({
      type: 'enum',
      enum: 'Importance',
      required: false,
    });
    expect(body.find((b) => b.name === 'to')).toMatchObject({ type: 'string', required: true });
    expect(res('startMessaging').operations.POST?.query).toEqual([
      { name: 'to', required: false, type: 'string' },
    ]);
  });

  it('repairs the entity-escaped startMessaging request and names every repair', () => {
    const ex = res('startMessaging').operations.POST?.examples.find(
      (e) => e.format === 'json' && e.kind === 'request',
    );
    expect(ex?.status).toBe('repaired');
    expect(ex?.repairs).toEqual(['html-entities', 'broken-string-line', 'spaces-around-colon']);
    expect(ex?.startLine).toBe(
      'Post https://fe1.contoso.com:443/ucwa/v1/applications/192/communication/startMessaging HTTP/1.1',
    );
    const body = JSON.parse(ex?.body ?? 'null') as {
      to: string;
      subject: string;
      _links: { message: { href: string } };
    };
    expect(body.to).toBe('sip:john@contoso.com');
    expect(body._links.message.href).toBe('data:text/plain;base64,somebase64encodedmessage');
    expect(body.subject).toBe('SkypeforBusiness'); // lost spaces cannot be restored: left as is
    const xml = res('startMessaging').operations.POST?.examples.find(
      (e) => e.format === 'xml' && e.kind === 'request',
    );
    expect(xml).toMatchObject({ status: 'repaired', repairs: ['html-entities'] });
    expect(() => parseXml(xml?.body ?? '')).not.toThrow();
  });

  it('marks unusable examples with the problem', () => {
    const ex = res('batch').operations.POST?.examples.find(
      (e) => e.format === 'json' && e.kind === 'request',
    );
    expect(ex?.status).toBe('unusable');
    expect(ex?.problem).toMatch(/<BR>/);
    const bad = checkBody('json', '{ "a" : 1, }');
    expect(bad.status).toBe('unusable');
    expect(bad.problem).toMatch(/^JSON: /);
    expect(checkBody('xml', '<a><b></a>')).toMatchObject({ status: 'unusable' });
  });

  it('does not count JSON dates or valid bodies as repairs', () => {
    expect(checkBody('json', '{ "t" : "\\/Date(1364224000000)\\/" }')).toMatchObject({
      status: 'verbatim',
      repairs: [],
    });
    expect(checkBody('json', '{ "s" : "a : b" }')).toMatchObject({
      status: 'verbatim',
      repairs: [],
    });
    expect(checkBody('json', '{ "s" : "https : //x.example/y" }')).toMatchObject({
      status: 'repaired',
      repairs: ['spaces-around-colon'],
      body: '{ "s" : "https://x.example/y" }',
    });
  });

  it('reads XML strictly', () => {
    const doc = parseXml(
      '<?xml version="1.0" encoding="utf-8"?>\n<!-- c --><r a="&lt;&#65;"><p>x &amp; y</p><e/></r>',
    );
    expect(doc.attrs).toEqual([['a', '<A']]);
    for (const bad of [
      '<r>',
      '<r a=1/>',
      '<r>&nbsp;</r>',
      '<r/><r/>',
      ' <?xml version="1.0"?><r/>',
      '<r a="1" a="2"/>',
    ]) {
      expect(() => parseXml(bad)).toThrow();
    }
  });

  it('renders deterministically and supports --check', () => {
    const again = extractSpec(docsDir);
    const a = renderOutputs(result());
    const b = renderOutputs(again);
    expect(b).toEqual(a);
    expect(a.specJson.endsWith('}\n')).toBe(true);
    expect(a.reportMd.startsWith('> UCWA 2.0 reference © Microsoft, CC BY 4.0')).toBe(true);
    expect(renderReport(again.spec, again.report)).toBe(a.reportMd);
    const names = { spec: 'spec.json', report: 'REPORT.md' };
    expect(checkOutputs(a, { specJson: a.specJson, reportMd: a.reportMd }, names)).toEqual([]);
    expect(checkOutputs(a, { specJson: undefined, reportMd: a.reportMd }, names)).toEqual([
      'spec.json: missing',
    ]);
    const changed = checkOutputs(
      a,
      { specJson: a.specJson.replace('"audioVideo"', '"x"'), reportMd: a.reportMd },
      names,
    );
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatch(/^spec\.json: differs from line \d+/);
  });
});
