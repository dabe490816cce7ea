// Type words that the reference glues to the end of parameter descriptions, e.g.
// "...String", "...Nullable Boolean", "...Array of String", "...(Importance)Normal, Urgent, or Emergency".

export interface ParamType {
  /** string | number | boolean | date | enum | timespan | bytes | link | unknown */
  type: string;
  enum?: string;
  array: boolean;
  nullable: boolean;
}

const SCALAR =
  /(Nullable\s*)?(Array of\s*)?(String|Boolean|Int32|Int64|Double|DateTime|TimeSpan|Byte|ExternalResource)\s*$/;
const ENUM_TAIL =
  /(Nullable\s*)?(Array of\s*)?\(([A-Z][A-Za-z0-9]*)\)\s*[A-Za-z0-9]+(?:\s*,\s*(?:or\s+)?[A-Za-z0-9]+)*\s*$/;

const SCALAR_MAP: Record<string, string> = {
  String: 'string',
  Boolean: 'boolean',
  Int32: 'number',
  Int64: 'number',
  Double: 'number',
  DateTime: 'date',
  TimeSpan: 'timespan',
  Byte: 'bytes',
  ExternalResource: 'link',
};

export function paramType(description: string): ParamType {
  const d = description.trim();
  const e = ENUM_TAIL.exec(d);
  if (e && e[3] !== undefined) {
    return { type: 'enum', enum: e[3], array: e[2] !== undefined, nullable: e[1] !== undefined };
  }
  const s = SCALAR.exec(d);
  if (s && s[3] !== undefined) {
    const word = s[3];
    const isBytes = word === 'Byte';
    return {
      type: SCALAR_MAP[word] ?? 'unknown',
      array: s[2] !== undefined && !isBytes,
      nullable: s[1] !== undefined,
    };
  }
  if (/maximum value is \d+ and the minimum value is \d+/i.test(d))
    return { type: 'number', array: false, nullable: false };
  if (/maximum length is \d+ characters/i.test(d))
    return { type: 'string', array: false, nullable: false };
  return { type: 'unknown', array: false, nullable: false };
}
