import type { UcwaErrorBody, UcwaErrorParameter } from '@ucwa/model';
import { put } from './put.ts';
import { readLink } from './read-links.ts';
import {
  checkName,
  expected,
  type JsonObject,
  readChild,
  readList,
  readOptionalString,
  readString,
  type Walk,
} from './walk.ts';

type MutableErrorBody = { -readonly [K in keyof UcwaErrorBody]: UcwaErrorBody[K] };

/**
 * An error body `{ code, subcode?, message?, parameters?, debugInfo?, link? }`
 * (ErrorsAndInformationalMessages.md). Only `code` is required; `null` counts as absent.
 */
export function readErrorBody(walk: Walk, object: JsonObject): UcwaErrorBody {
  const body: MutableErrorBody = { code: readString(walk, object.code, 'code') };
  for (const key of ['subcode', 'message'] as const) {
    put(body, key, readOptionalString(walk, object[key], key));
  }
  const parameters = object.parameters;
  if (parameters != null) {
    // `[{ name, value }]`, or a `{ name: value }` bag (the reference calls it a property bag).
    body.parameters = Array.isArray(parameters)
      ? readList(walk, parameters, 'parameters', readParameter)
      : Object.entries(readChild(walk, parameters, 'parameters', readTexts)).map(
          ([name, value]) => ({ name, value }),
        );
  }
  if (object.debugInfo != null) {
    body.debugInfo = readChild(walk, object.debugInfo, 'debugInfo', readTexts);
  }
  const link = object.link;
  if (link != null) {
    // A link without a rel takes its key's name, as `_links` entries do.
    const rel = (link as JsonObject).rel;
    body.link = readChild(walk, link, 'link', readLink, typeof rel === 'string' ? rel : 'link');
  }
  return body;
}

function readParameter(walk: Walk, object: JsonObject): UcwaErrorParameter {
  return {
    name: readString(walk, object.name, 'name'),
    value: readText(walk, object.value, 'value'),
  };
}

/** Text of a parameter or debug value: servers send strings, numbers and booleans alike. */
function readText(walk: Walk, value: unknown, key: string): string {
  // JSON's other types are objects, arrays and null.
  return value != null && typeof value !== 'object'
    ? String(value)
    : expected(walk, 'a string', key);
}

/** A string map; values are only made text (their content is not part of the contract). */
function readTexts(walk: Walk, object: JsonObject): { readonly [key: string]: string } {
  const texts: { [key: string]: string } = {};
  for (const key of Object.keys(object)) {
    checkName(walk, key);
    texts[key] = readText(walk, object[key], key);
  }
  return texts;
}
