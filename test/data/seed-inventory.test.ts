/**
 * The bundled data set against the article it comes from, section by section: every figure the article prints is
 * a figure of that section's data file (value, unit and comparator as printed), every data-file figure is one the
 * article prints, and every 《title》 is a policy of that file. The inventory (test/data/seed-inventory.json) lists
 * the article's figures and titles — facts, not prose — as `npm run extract -- <article> --json` found them,
 * checked by hand; the article itself stays outside the repository.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EntityOf } from '../../src/model/entity.js';
import { sameNumber } from '../../src/model/units.js';
import { defaultDataDir } from '../../src/server/config.js';
import { loadStore } from '../../src/store/load.js';
import { type ParsedFile, readDataFiles } from '../../src/store/read-files.js';
import type { PolicyStore } from '../../src/store/store.js';

type Figure = {
  printed: string;
  value?: number;
  lower?: number;
  upper?: number;
  unit: string;
  comparator: string;
  holder: 'metric' | 'change' | 'co-issuers';
  multiplierOnly?: boolean;
};
type Section = { section: string; file: string; figures: Figure[]; titles: string[] };

const inventory = JSON.parse(readFileSync(new URL('./seed-inventory.json', import.meta.url), 'utf8')) as { sections: Section[] };
type Metric = EntityOf<'METRIC'>;

/** 634万脱贫人口 prints only the multiplier; the data records it as 万人. */
const sameUnit = (f: Figure, unit: string) => (f.multiplierOnly ? unit.startsWith(f.unit) : unit === f.unit);
const same = (a: number | undefined, b: number | undefined) => a !== undefined && b !== undefined && sameNumber(a, b);

function matches(f: Figure, m: Metric): boolean {
  if (!sameUnit(f, m.unit) || f.comparator !== m.comparator) return false;
  return f.comparator === 'RANGE' ? same(f.lower, m.lower) && same(f.upper, m.upper) : same(f.value, m.value);
}

let files: ParsedFile[];
let store: PolicyStore;
beforeAll(async () => {
  files = (await readDataFiles(defaultDataDir)).files;
  store = await loadStore(defaultDataDir);
});

const entitiesOf = (file: string) => files.find((f) => f.file === file)!.entities.map((e) => e.value);

describe.each(inventory.sections)('section $section ($file)', (section) => {
  it('has one data-file figure for each figure the article prints, and no other', () => {
    const metrics = entitiesOf(section.file).filter((e): e is Metric => e.kind === 'METRIC');
    const unused = new Set(metrics);
    const missing: string[] = [];
    for (const figure of section.figures.filter((f) => f.holder === 'metric')) {
      const metric = [...unused].find((m) => matches(figure, m));
      if (metric) unused.delete(metric);
      else missing.push(`${figure.printed} (${figure.comparator})`);
    }
    expect(missing, 'figures of the article with no metric').toEqual([]);
    expect([...unused].map((m) => `${m.id}: ${m.value ?? `${m.lower}—${m.upper}`}${m.unit}`), 'metrics the article does not print').toEqual([]);
  });

  it('records changes and co-issuer counts where the figure belongs', () => {
    const entities = entitiesOf(section.file);
    for (const figure of section.figures.filter((f) => f.holder === 'change')) {
      const holder = entities.find((e) => e.kind === 'METRIC' && e.change && e.change.value === figure.value && e.change.unit === figure.unit);
      expect(holder, figure.printed).toBeDefined();
    }
    for (const figure of section.figures.filter((f) => f.holder === 'co-issuers')) {
      const others = (p: EntityOf<'POLICY'>) =>
        (p.unnamedCoIssuerCount ?? 0) + store.relations(p.id, 'OUTGOING', ['ISSUED_BY']).filter((v) => 'role' in v.relation && v.relation.role === 'JOINT').length;
      const holder = entities.find((e) => e.kind === 'POLICY' && others(e) === figure.value);
      expect(holder, `${figure.printed}: a policy with that many co-issuers`).toBeDefined();
    }
  });

  it('has a policy for every 《title》', () => {
    const names = new Set(entitiesOf(section.file).filter((e) => e.kind === 'POLICY').flatMap((e) => [e.name, ...e.aliases]));
    expect(section.titles.filter((t) => !names.has(t))).toEqual([]);
  });
});

describe('the inventory', () => {
  it('lists the 73 figures and 10 titles of the article', () => {
    expect(inventory.sections.flatMap((s) => s.figures)).toHaveLength(73);
    expect(inventory.sections.flatMap((s) => s.titles)).toHaveLength(10);
  });
});
