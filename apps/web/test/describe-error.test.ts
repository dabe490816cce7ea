import {
  UcwaAuthError,
  UcwaDiscoveryError,
  UcwaHttpError,
  UcwaNetworkError,
  UcwaOperationError,
  UcwaTimeoutError,
} from '@ucwa/client';
import { describe, expect, it } from 'vitest';
import { describeError } from '../src/describe-error.ts';

const request = {
  method: 'GET',
  url: 'http://127.0.0.1:4000/ucwa/oauth/v1/applications/1',
  headers: {},
};

function failedOperation(code: string, subcode: string): UcwaOperationError {
  return new UcwaOperationError('op-1', {
    link: { rel: 'messagingInvitation', href: '/ucwa/oauth/v1/applications/1/invitations/1' },
    type: 'completed',
    status: 'failure',
    reason: { code, subcode },
  });
}

function http(status: number): UcwaHttpError {
  const response = { status, statusText: '', headers: new Headers(), body: undefined };
  return new UcwaHttpError('failed', { request, response });
}

describe('describeError: one sentence a user can act on, by the class of the error', () => {
  it.each([
    [new UcwaAuthError('refused', { reason: 'invalid_grant' }), /^Wrong user name or password\./],
    [
      new UcwaAuthError('down', { reason: 'server_error' }),
      /^The server cannot sign you in right now/,
    ],
    [
      new UcwaAuthError('odd', { reason: 'no-matching-grant' }),
      /^The server refused the sign-in \(no-matching-grant\)/,
    ],
    [new UcwaNetworkError('ECONNREFUSED'), /^The server cannot be reached/],
    [new UcwaTimeoutError('slow', { timeout: 30_000 }), /^The server cannot be reached/],
    [new UcwaDiscoveryError('nothing', []), /^No UCWA server answered discovery/],
    [failedOperation('LocalFailure', 'Declined'), /^The invitation was declined\./],
    [failedOperation('NotFound', 'TemporarilyUnavailable'), /^They are not signed in now\./],
    [failedOperation('Forbidden', 'Denied'), /^You were not let into the meeting\./],
    [http(401), /^The sign-in expired; sign in again\./],
    [http(409), /^UcwaHttpError: /],
    [new TypeError('x is undefined'), /^Unexpected failure: TypeError: x is undefined/],
  ])('%s', (error, sentence) => {
    expect(describeError(error)).toMatch(sentence);
  });
});
