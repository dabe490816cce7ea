import type { IdSource } from '../core/ids.ts';
import { parameterValidationFailure, ucwaError } from '../http/errors.ts';
import type { ErrorReply } from '../http/types.ts';
import type { InputBody } from '../wire/codec.ts';

/** The value of the random property every PUT-able resource carries. */
export const PUT_TOKEN_VALUE = 'please pass this in a PUT request';

/**
 * What makes a PUT-able resource conditional: its current ETag and the randomly named
 * property a client must play back (so it cannot PUT a resource it never read whole).
 */
export interface PutGuard {
  etag: string;
  readonly secret: string;
}

/** A fresh guard: an ETag of ten digits and a UUID-named property. */
export function createPutGuard(ids: IdSource): PutGuard {
  return { etag: ids.digits(10), secret: ids.uuid() };
}

/** Gives the resource a new ETag after it changed. */
export function renewEtag(guard: PutGuard, ids: IdSource): void {
  guard.etag = ids.digits(10);
}

/** The property to add to the served resource: `{ [secret]: PUT_TOKEN_VALUE }`. */
export function putTokenProperty(guard: PutGuard): Record<string, string> {
  return { [guard.secret]: PUT_TOKEN_VALUE };
}

function matches(ifMatch: string, etag: string): boolean {
  return ifMatch
    .split(',')
    .map((tag) =>
      tag
        .trim()
        .replace(/^W\//, '')
        .replace(/^"(.*)"$/, '$1'),
    )
    .some((tag) => tag === '*' || tag === etag);
}

/**
 * The conditional-PUT rules, in order: no `If-Match` → 428 PreconditionRequired; a stale
 * one → 412 PreconditionFailed; the random property missing → 400
 * ParameterValidationFailure. `undefined` when the PUT may proceed.
 */
export function checkConditionalPut(
  guard: PutGuard,
  ifMatch: string | null,
  input: InputBody | undefined,
): ErrorReply | undefined {
  if (ifMatch === null || ifMatch.trim() === '') {
    return ucwaError(428, 'PreconditionRequired', {
      message: 'The operation requires an If-Match precondition.',
    });
  }
  if (!matches(ifMatch, guard.etag)) {
    return ucwaError(412, 'PreconditionFailed', {
      message: 'An If-Match precondition was not met.',
    });
  }
  if (input === undefined || !Object.hasOwn(input.properties, guard.secret)) {
    return parameterValidationFailure(
      [{ name: guard.secret, value: '' }],
      'Play back every property of the resource, including unknown ones.',
    );
  }
  return undefined;
}
