// Shapes of the extracted UCWA 2.0 spec (facts only, no prose).

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'OPTIONS';
export type EventType = 'Added' | 'Updated' | 'Deleted' | 'Started' | 'Completed';
export type PropertyType = 'string' | 'number' | 'boolean' | 'date' | 'enum' | 'object';
export type TypeSource =
  | 'json-example'
  | 'xml-example'
  | 'enum-link'
  | 'parameter-table'
  | 'embedded-example'
  | 'fallback';
export type ExampleStatus = 'verbatim' | 'repaired' | 'unusable';

export interface Example {
  kind: 'request' | 'response' | 'event';
  format: 'json' | 'xml';
  startLine: string;
  headers: [string, string][];
  body: string | null;
  status: ExampleStatus;
  repairs: string[];
  problem?: string;
  /** media type from the Content-Type header, when there is one */
  mediaType?: string;
  /** the body is not JSON/XML (SDP, multipart, image, text) and was not parsed */
  opaque?: boolean;
}

export interface PropertySpec {
  name: string;
  type: PropertyType;
  enum?: string;
  array?: boolean;
  source: TypeSource;
  fromExample?: boolean;
  /** when the example that decided the type is on another page (e.g. an embedded resource) */
  examplePage?: string;
  /** the property's value is carried as a `_links` entry / `<link>` (e.g. data: URIs) in the examples */
  inLinks?: boolean;
}

export interface LinkSpec {
  rel: string;
  array: boolean;
  fromExample?: boolean;
}

export interface EmbeddedSpec {
  rel: string;
  array: boolean;
  /** the `rel` the embedded resource itself carries, when it differs from the key */
  resourceRel?: string;
}

export interface EventSpec {
  type: EventType;
  priority: string;
  sender: string;
  resource: string;
}

export interface QueryParam {
  name: string;
  required: boolean;
  type: string;
}

export interface BodyParam {
  name: string;
  type: string;
  required: boolean;
  enum?: string;
  array?: boolean;
  nullable?: boolean;
}

export interface ErrorSpec {
  error: string;
  status: number;
  subcode: string;
}

export interface OperationSpec {
  query: QueryParam[];
  body: BodyParam[];
  response?: string;
  errors: ErrorSpec[];
  examples: Example[];
}

export interface ResourceSpec {
  page: string;
  rel: string;
  revision: number;
  properties: PropertySpec[];
  links: LinkSpec[];
  embedded: EmbeddedSpec[];
  scopes: string[];
  events: EventSpec[];
  put: boolean;
  operationResource: boolean;
  operations: Partial<Record<HttpMethod, OperationSpec>>;
  eventExamples: Example[];
  /** rels carried by this page's own response examples when they differ from `rel` (documentation slips or aliases) */
  relInExamples?: string[];
}

export interface EnumSpec {
  page: string;
  values: string[];
}

export interface SpecSource {
  title: string;
  attribution: string;
  license: string;
  origin: string;
  note: string;
}

export interface Spec {
  source: SpecSource;
  resources: Record<string, ResourceSpec>;
  enums: Record<string, EnumSpec>;
}

/** Things the extractor noticed but could not (or chose not to) turn into spec facts. */
export interface Finding {
  page: string;
  what: string;
}

export interface ExtractReport {
  skipped: Finding[];
  notes: Finding[];
}

export interface ExtractResult {
  spec: Spec;
  report: ExtractReport;
}
