import { describe, expect, it } from 'vitest';
import { decodeError, encodeError } from '../src/index.ts';

describe('decodeError', () => {
  it('reads the sample of ErrorsAndInformationalMessages.md', () => {
    expect(
      decodeError(
        '{"code":"Conflict","subcode":"AlreadyExists","message":"The requested resource already exists. Please wait and try again."}',
      ),
    ).toEqual({
      code: 'Conflict',
      subcode: 'AlreadyExists',
      message: 'The requested resource already exists. Please wait and try again.',
    });
  });

  it('reads parameters, debugInfo and link', () => {
    const body = decodeError(
      JSON.stringify({
        code: 'BadRequest',
        subcode: 'ParameterValidationFailure',
        parameters: [{ name: 'to', value: 'missing' }],
        debugInfo: { diagnostics: '2;reason="x"', errorReportId: 42 },
        link: { href: '/help' },
      }),
    );
    expect(body).toEqual({
      code: 'BadRequest',
      subcode: 'ParameterValidationFailure',
      parameters: [{ name: 'to', value: 'missing' }],
      debugInfo: { diagnostics: '2;reason="x"', errorReportId: '42' },
      link: { rel: 'link', href: '/help' },
    });
  });

  it('reads parameters given as a bag, and null as absent', () => {
    expect(
      decodeError('{"code":"BadRequest","parameters":{"to":"x"},"subcode":null,"debugInfo":null}'),
    ).toEqual({
      code: 'BadRequest',
      parameters: [{ name: 'to', value: 'x' }],
    });
  });

  it('round-trips', () => {
    const body = {
      code: 'NotFound',
      subcode: 'ApplicationNotFound',
      message: 'a & <b>',
      parameters: [{ name: 'n', value: 'v' }],
      debugInfo: { k: 'v' },
      link: { rel: 'help', href: '/h?a=1&b=2', title: 'Help' },
    };
    expect(decodeError(encodeError(body))).toEqual(body);
  });
});
