import type { Resource } from '@ucwa/model';
import { describe, expectTypeOf, it } from 'vitest';
import type { Session } from '../src/index.ts';

declare const session: Session;
declare const communication: Resource<'communication'>;
declare const conversation: Resource<'conversation'>;
declare const me: Resource<'me'>;
declare const audioVideo: Resource<'audioVideo'>;

describe('typed navigation', () => {
  it('returns the catalog-typed target of a link, undefined when the link may be missing', () => {
    expectTypeOf(session.get(conversation, 'audioVideo')).resolves.toEqualTypeOf<
      Resource<'audioVideo'> | undefined
    >();
    expectTypeOf(session.follow(conversation, 'audioVideo')).resolves.toEqualTypeOf<
      Resource<'audioVideo'>
    >();
    expectTypeOf(session.follow(me, 'self')).resolves.toEqualTypeOf<Resource<'me'>>();
  });

  it('refuses a rel the catalog does not list for the resource', () => {
    // @ts-expect-error a conversation has no "audiovideo" link (wrong case)
    void session.get(conversation, 'audiovideo');
    // @ts-expect-error startMessaging is a link of communication, not of me
    void session.follow(me, 'startMessaging');
  });
});

describe('typed operations', () => {
  it('accepts the documented parameters', () => {
    void session.invoke(communication, 'startMessaging', {
      to: 'sip:bob@contoso.com',
      subject: 'Lunch',
      message: 'data:text/plain,Hi',
      importance: 'Urgent',
    });
    void session.invoke(me, 'makeMeAvailable', {
      supportedModalities: ['Messaging', 'Audio'],
      supportedMessageFormats: ['Plain', 'Html'],
    });
  });

  it('refuses a wrong input name', () => {
    void session.invoke(me, 'makeMeAvailable', {
      // @ts-expect-error the parameter is supportedModalities (camelCase)
      SupportedModalities: ['Messaging'],
    });
  });

  it('refuses a wrong input type or enumeration value', () => {
    // @ts-expect-error subject is a string
    void session.invoke(communication, 'startMessaging', { subject: 42 });
    // @ts-expect-error Chat is not a ModalityType
    void session.invoke(me, 'makeMeAvailable', { supportedModalities: ['Chat'] });
  });

  it('refuses any input to an operation without documented parameters', () => {
    void session.invoke(me, 'reportMyActivity');
    // @ts-expect-error reportMyActivity takes no parameter
    void session.invoke(me, 'reportMyActivity', { active: true });
  });

  it('refuses an operation the resource does not link', () => {
    // @ts-expect-error makeMeAvailable is a link of me, not of communication
    void session.invoke(communication, 'makeMeAvailable', {});
  });

  it('requires the input of an operation with a required parameter', () => {
    void session.invoke(audioVideo, 'addVideo', { to: 'sip:bob@contoso.com' });
    // @ts-expect-error addVideo requires "to"
    void session.invoke(audioVideo, 'addVideo');
  });
});
