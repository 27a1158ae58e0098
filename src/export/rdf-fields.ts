/**
 * The RDF statements of the fields only some kinds have (a policy's document type, a figure's quantity, a source's
 * publication …), and the small vocabulary of terms rdf-mapping.ts builds descriptions from. The mapping table is
 * in rdf-mapping.ts.
 */
import type { EntityNode } from '../store/graph.js';

/** An RDF object: an IRI (`{ iri }`, absolute), a literal, or a nested description (a blank node). */
export type Term = { iri: string } | Literal | Description;
export type Literal = { value: string | number | boolean; lang?: string; datatype?: 'xsd:date' | 'xsd:dateTime' | 'xsd:decimal' };
/** A subject (an IRI, or a blank node when `id` is absent) with its types and statements; predicates and types are prefixed names. */
export type Description = { id?: string; types: string[]; statements: [predicate: string, object: Term][] };

export const han = /\p{Script=Han}/u;
export const text = (value: string, lang: string): Literal => ({ value, lang });
const date = (value: string): Literal => ({ value, datatype: 'xsd:date' });
/** A printed number stays a decimal (279.8, not 2.798E2); only what JavaScript writes with an exponent is left to JSON's number. */
const decimal = (value: number): Literal => (Number.isInteger(value) || /e/i.test(String(value)) ? { value } : { value: String(value), datatype: 'xsd:decimal' });

function quantity(value: number | undefined, lower: number | undefined, upper: number | undefined, unit: string, extra: Description['statements'] = []): Description {
  const statements: Description['statements'] = [];
  if (value !== undefined) statements.push(['schema:value', decimal(value)]);
  if (lower !== undefined) statements.push(['schema:minValue', decimal(lower)]);
  if (upper !== undefined) statements.push(['schema:maxValue', decimal(upper)]);
  statements.push(['schema:unitText', { value: unit }], ...extra);
  return { types: ['schema:QuantitativeValue'], statements };
}

/** The fields only some kinds have. */
export function kindStatements(e: EntityNode): Description['statements'] {
  const s: Description['statements'] = [];
  const add = (predicate: string, object: Term | undefined) => object !== undefined && s.push([predicate, object]);
  const plain = (v: string | number | undefined) => (v === undefined ? undefined : { value: v });
  switch (e.kind) {
    case 'POLICY':
      add('pgo:docType', plain(e.docType));
      add('pgo:status', plain(e.status));
      add('schema:legislationDate', e.issuedOn ? date(e.issuedOn) : undefined);
      add('schema:legislationIdentifier', plain(e.documentNumber));
      add('pgo:unnamedCoIssuerCount', plain(e.unnamedCoIssuerCount));
      add('pgo:seriesSize', plain(e.seriesSize));
      break;
    case 'AGENCY':
    case 'REGION':
      add('pgo:level', plain(e.level));
      if (e.kind === 'REGION') add('pgo:divisionCode', plain(e.divisionCode));
      break;
    case 'PROGRAM':
      add('pgo:programType', plain(e.programType));
      break;
    case 'ORGANIZATION':
      add('pgo:category', plain(e.category));
      break;
    case 'EVENT':
      add('pgo:eventType', plain(e.eventType));
      add('schema:startDate', e.startDate ? date(e.startDate) : undefined);
      add('schema:endDate', e.endDate ? date(e.endDate) : undefined);
      add('pgo:edition', plain(e.edition));
      break;
    case 'SOURCE':
      add('schema:publisher', plain(e.publisher));
      add('schema:datePublished', e.publishedAt ? { value: e.publishedAt, datatype: 'xsd:dateTime' } : undefined);
      add('schema:author', plain(e.author));
      add('schema:url', e.url ? { iri: e.url } : undefined);
      add('schema:version', plain(e.edition));
      add('schema:inLanguage', plain(e.language));
      break;
    case 'METRIC': {
      const printed = quantity(e.value, e.lower, e.upper, e.unit);
      s.push(...printed.statements, ['pgo:comparator', { value: e.comparator }]);
      s.push(['pgo:normalized', quantity(e.normalizedValue, e.normalizedLower, e.normalizedUpper, e.baseUnit)]);
      if (e.period) {
        s.push(['schema:startDate', date(e.period.start)], ['schema:endDate', date(e.period.end)]);
        s.push(['schema:temporalCoverage', { value: `${e.period.start}/${e.period.end}` }]);
      }
      add('schema:observationDate', e.asOf ? date(e.asOf) : undefined);
      s.push(['pgo:cumulative', { value: e.cumulative }]);
      if (e.change) {
        const c = e.change;
        const label: Description['statements'] = c.baselineLabel ? [['rdfs:label', text(c.baselineLabel, 'zh')]] : [];
        s.push([
          'pgo:change',
          quantity(c.value, undefined, undefined, c.unit, [
            ['pgo:normalized', quantity(c.normalizedValue, undefined, undefined, e.baseUnit)],
            ['pgo:baseline', { value: c.baseline }],
            ...label,
          ]),
        ]);
      }
      break;
    }
    default:
      break;
  }
  return s;
}
