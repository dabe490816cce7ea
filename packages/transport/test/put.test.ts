import type { UnknownResource } from '@ucwa/model';
import { describe, expect, it } from 'vitest';
import { isUcwaPreconditionFailedError } from '../src/index.ts';
import { fail, fakeTransport, ok, resource } from './helpers/fake-server.ts';

/**
 * A PUT-able note like the emulator's: a randomly named property the server checks for,
 * `If-Match` required (428), a stale ETag refused (412).
 */
function noteServer() {
  const state = { version: 1, message: 'hello', random: 'q9x2' };
  const current = (): UnknownResource => ({
    ...resource('note', '/ucwa/me/note', { message: state.message, q9x2: 'keep-me' }),
    etag: `"${state.version}"`,
  });
  const { fetch, transport } = fakeTransport((request) => {
    if (request.method === 'GET') return ok(current(), { etag: `"${state.version}"` });
    const ifMatch = request.headers.get('if-match');
    if (ifMatch === null) return fail(428, { code: 'PreconditionRequired' });
    if (ifMatch !== `"${state.version}"`) return fail(412, { code: 'PreconditionFailed' });
    const body = JSON.parse(request.body) as Record<string, unknown>;
    if (body[state.random] !== 'keep-me')
      return fail(400, { code: 'BadRequest', subcode: 'MissingProperty' });
    state.message = String(body.message);
    state.version++;
    return new Response(null, { status: 204, headers: { etag: `"${state.version}"` } });
  });
  return { state, fetch, transport };
}

describe('conditional PUT', () => {
  it('plays back every property, the random one included, with If-Match', async () => {
    const { state, fetch, transport } = noteServer();
    const note = await transport.get('/ucwa/me/note');
    const answer = await transport.put(note, { message: 'out today' });
    expect(answer).toMatchObject({ status: 204, etag: '"2"' });
    expect(state.message).toBe('out today');
    const put = fetch.seen[1];
    expect(put?.headers.get('if-match')).toBe('"1"');
    expect(JSON.parse(put?.body ?? '')).toMatchObject({
      rel: 'note',
      message: 'out today',
      q9x2: 'keep-me',
    });
    expect(note.properties.message).toBe('hello'); // the fetched state is not mutated
  });

  it('without an ETag the server’s 428 comes back as UcwaHttpError', async () => {
    const { transport } = noteServer();
    const note = await transport.get('/ucwa/me/note');
    const { etag: _dropped, ...withoutEtag } = note;
    await expect(transport.put(withoutEtag, { message: 'x' })).rejects.toMatchObject({
      name: 'UcwaHttpError',
      status: 428,
      code: 'PreconditionRequired',
    });
  });

  it('a 412 gives UcwaPreconditionFailedError whose retry() refetches, re-applies and succeeds', async () => {
    const { state, fetch, transport } = noteServer();
    const stale = await transport.get('/ucwa/me/note');
    await transport.put(await transport.get('/ucwa/me/note'), { message: 'someone else' });
    const error = await transport.put(stale, { message: 'mine' }).catch((e: unknown) => e);
    if (!isUcwaPreconditionFailedError(error)) throw error;
    expect(error).toMatchObject({ status: 412, code: 'PreconditionFailed' });
    expect(error.cause).toMatchObject({ name: 'UcwaHttpError' });
    const answer = await error.retry();
    expect(answer.status).toBe(204);
    expect(state.message).toBe('mine');
    expect(
      fetch.seen.slice(-2).map((s) => `${s.method} ${s.headers.get('if-match') ?? ''}`),
    ).toEqual(['GET ', 'PUT "2"']);
  });

  it('retry() tries only once more', async () => {
    const { fetch, transport } = fakeTransport((request) =>
      request.method === 'GET'
        ? ok({ ...resource('note', '/n'), etag: '"9"' }, { etag: '"9"' })
        : fail(412, { code: 'PreconditionFailed' }),
    );
    const error = await transport
      .put({ ...resource('note', '/n'), etag: '"1"' }, {})
      .catch((e: unknown) => e);
    if (!isUcwaPreconditionFailedError(error)) throw error;
    // A second 412 is a plain UcwaHttpError: no further retry() is offered.
    await expect(error.retry()).rejects.toMatchObject({ name: 'UcwaHttpError', status: 412 });
    expect(fetch.seen.map((s) => s.method)).toEqual(['PUT', 'GET', 'PUT']);
  });
});
