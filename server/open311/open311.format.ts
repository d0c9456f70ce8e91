/**
 * The two formats of GeoReport v2, exactly as the specification writes them: XML (required; no namespace, the
 * declaration with encoding="utf-8" first, `text/xml; charset=utf-8`) and JSON by the Spark convention
 * (`application/json; charset=utf-8`): a container of one repeated element becomes an array (services, requests,
 * errors, attributes, values, endpoints, formats), everything else an object; an absent value is an empty element
 * in XML and null in JSON. Pure: a resource in, the reply's body and type out.
 */
import { XMLBuilder } from 'fast-xml-parser';

export const FORMATS = ['xml', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export const CONTENT_TYPE: Record<Format, string> = {
  xml: 'text/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

export const isFormat = (text: string): text is Format => (FORMATS as readonly string[]).includes(text);

type Scalar = string | number | boolean | null;

export interface Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime' | 'batch' | 'blackbox';
  keywords: string;
  group: string | null;
}

export interface AttributeValue {
  key: string;
  name: string;
}

export interface Attribute {
  variable: boolean;
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string;
  values: AttributeValue[];
}

export interface ServiceDefinition {
  service_code: string;
  attributes: Attribute[];
}

/** POST requests' answer: the id, or the token when the server cannot answer at once. */
export interface RequestReceipt {
  service_request_id?: string;
  token?: string;
  service_notice: string | null;
  account_id: string | null;
}

export interface TokenAnswer {
  service_request_id?: string;
  token: string;
}

export interface ServiceRequest {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string | null;
  service_code: string;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number;
  long: number;
  media_url: string | null;
}

export interface Endpoint {
  specification: string;
  url: string;
  changeset: string;
  type: 'production' | 'test';
  formats: string[];
}

export interface Discovery {
  changeset: string;
  contact: string;
  key_service: string;
  endpoints: Endpoint[];
}

export interface ErrorItem {
  code: number;
  description: string;
}

/** What a reply carries: the resource and, for XML, its root element and the name of its repeated child. */
export type Resource =
  | { kind: 'services'; body: Service[] }
  | { kind: 'service_definition'; body: ServiceDefinition }
  | { kind: 'receipt'; body: RequestReceipt[] }
  | { kind: 'token'; body: TokenAnswer[] }
  | { kind: 'requests'; body: ServiceRequest[] }
  | { kind: 'discovery'; body: Discovery }
  | { kind: 'errors'; body: ErrorItem[] };

/** Characters XML 1.0 cannot carry (C0 controls but tab, LF and CR; U+FFFE/U+FFFF; unpaired surrogates). */
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters XML 1.0 cannot carry
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const clean = (v: Scalar): Scalar => (typeof v === 'string' ? v.replace(NOT_XML, '') : v);

/** The XML tree of a resource: containers hold their repeated child under its singular name. */
function xmlTree(resource: Resource): Record<string, unknown> {
  const scalars = <T extends object>(o: T) =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'object' && v !== null ? v : clean(v as Scalar)]));
  switch (resource.kind) {
    case 'services':
      return { services: { service: resource.body.map(scalars) } };
    case 'service_definition':
      return {
        service_definition: {
          service_code: clean(resource.body.service_code),
          attributes: {
            attribute: resource.body.attributes.map((a) => ({ ...scalars(a), values: { value: a.values.map(scalars) } })),
          },
        },
      };
    case 'receipt':
    case 'token':
    case 'requests':
      return { service_requests: { request: (resource.body as object[]).map(scalars) } };
    case 'discovery': {
      const d = resource.body;
      return {
        discovery: {
          changeset: clean(d.changeset),
          contact: clean(d.contact),
          key_service: clean(d.key_service),
          endpoints: { endpoint: d.endpoints.map((e) => ({ ...scalars(e), formats: { format: e.formats } })) },
        },
      };
    }
    case 'errors':
      return { errors: { error: resource.body.map(scalars) } };
  }
}

const builder = new XMLBuilder({ format: true, indentBy: '  ', ignoreAttributes: true, suppressEmptyNode: false });

/** The body of the reply in a format. */
export function render(resource: Resource, format: Format): string {
  if (format === 'json') return JSON.stringify(resource.body);
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build(xmlTree(resource))}`;
}
