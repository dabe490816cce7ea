import type { DecodePosition } from '@ucwa/model';
import type { Where } from './fail.ts';

/** Offset, one-based line and column of `offset` in `text`; only computed for errors. */
export function positionAt(text: string, offset: number): DecodePosition {
  let line = 1;
  let lineStart = 0;
  let newline = text.indexOf('\n');
  while (newline !== -1 && newline < offset) {
    line++;
    lineStart = newline + 1;
    newline = text.indexOf('\n', lineStart);
  }
  return { offset, line, column: offset - lineStart + 1 };
}

/** `offset` in `text` as a {@link Where} for `fail`. */
export function inText(text: string, offset: number): Where {
  return { position: positionAt(text, offset) };
}
