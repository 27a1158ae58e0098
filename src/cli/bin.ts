/**
 * `policy-graph`: one command line for the whole project (commander). Each subcommand is a thin layer over a
 * function the npm scripts share: serve (src/server/serve.ts), validate, extract, export, stats, snapshot, schema. Heavy
 * modules (the GraphQL schema, the exporters) load only for the subcommand that needs them.
 */
import { Command, Option } from 'commander';
import { exportFormatInfo, exportFormats } from '../export/formats.js';
import { maxExportDepth } from '../export/select.js';
import { defaultBase } from '../export/rdf-mapping.js';
import { Config, defaultDataDir, readConfig } from '../server/config.js';
import { loadStore } from '../store/load.js';
import { progressBar } from './progress-bar.js';

const program = new Command('policy-graph')
  .description('A knowledge graph of public-policy documents, agencies, programs, regions and figures: serve, check, export.')
  .showHelpAfterError('(add --help for usage)');

const dataDirOption = () =>
  new Option('--data-dir <dir>', 'the data set to read').default(process.env.DATA_DIR ?? defaultDataDir, 'DATA_DIR, else the bundled data/');
const progressOptions = (command: Command) =>
  command
    .option('--progress', 'show progress bars on stderr even when it is not a terminal')
    .option('--no-progress', 'never show progress bars');
const filterOptions = (command: Command) =>
  command
    .option('--kinds <kinds>', 'only entities of these kinds, comma-separated (POLICY,AGENCY)')
    .option('--around <id>', 'only entities within --depth relations of this entity, in either direction')
    .option('--depth <n>', `how many relations away from --around (1–${maxExportDepth}; default 1)`);
const graphFileOption = () => new Option('--graph <file>', 'read a native JSON export (export --format json) instead of --data-dir');

/** A loader with a progress bar around loadStore, for the commands that need the whole store as the server has it. */
const loadShowingProgress = (wanted: boolean | undefined) => async (dir: string) => {
  const progress = progressBar(wanted);
  progress.start(`loading ${dir}`, 1);
  try {
    return await loadStore(dir);
  } finally {
    progress.tick();
    progress.stop();
  }
};

const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const serve = program
  .command('serve')
  .description('serve the GraphQL API and GraphiQL (as npm start); flags win over the environment (PORT, DATA_DIR …)');
for (const [key, schema] of Object.entries(Config.shape)) serve.option(`--${kebab(key)} <value>`, schema.description ?? key);
serve.action(async (options: Record<string, string>) => {
  const { serve: serveGraph } = await import('../server/serve.js');
  const args = Object.entries(options).flatMap(([key, value]) => [`--${kebab(key)}`, value]);
  let config;
  try {
    config = readConfig(args);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  // The server leaves handles behind it (yoga, metrics): exit with its code rather than wait for them.
  process.exit(await serveGraph(config));
});

progressOptions(
  program
    .command('validate')
    .description('check the data set, print every problem, then its quality findings')
    .addOption(dataDirOption())
    .option('--source-text <id=file...>', 'also check that every span citing source ID occurs verbatim in FILE', [])
    .option('--strict', 'fail on quality findings too', false),
).action(async (o: { dataDir: string; sourceText: string[]; strict: boolean; progress?: boolean }) => {
  const { validateDataSet } = await import('./validate-command.js');
  process.exitCode = await validateDataSet({ dataDir: o.dataDir, sourceTexts: o.sourceText, strict: o.strict, load: loadShowingProgress(o.progress) });
});

progressOptions(
  program
    .command('extract')
    .description('list every figure, 《title》 and known name of a text, each PRESENT (with its id) or MISSING')
    .argument('<file>', 'a UTF-8 text file')
    .addOption(dataDirOption())
    .option('--json', 'print the report as JSON', false)
    .option('--missing-only', 'list only what is missing', false),
).action(async (file: string, o: { dataDir: string; json: boolean; missingOnly: boolean; progress?: boolean }) => {
  const { extractText } = await import('./extract-command.js');
  process.exitCode = await extractText({ file, dataDir: o.dataDir, json: o.json, missingOnly: o.missingOnly, load: loadShowingProgress(o.progress) });
});

const formats = exportFormats.map((f) => `  ${f.padEnd(8)} ${exportFormatInfo[f].description}`).join('\n');
progressOptions(
  filterOptions(
    program
      .command('export')
      .description('write the graph, or a part of it, in a format other tools read')
      .addOption(new Option('--format <format>', 'the format').choices(exportFormats).makeOptionMandatory())
      .addOption(dataDirOption())
      .addOption(graphFileOption()),
  )
    .option('--base <iri>', 'base of entity IRIs in jsonld and turtle', defaultBase)
    .option('--out <path>', 'write to this file (for neo4j: a directory, or a .zip file) instead of stdout')
    .addHelpText('after', `\nFormats:\n${formats}\n\nExamples:\n  policy-graph export --format gexf > graph.gexf\n  policy-graph export --format turtle --kinds POLICY,AGENCY --out policies.ttl\n  policy-graph export --format json --around agency:gx-civil-affairs --depth 2\n  policy-graph export --format neo4j --out neo4j-import/`),
).action(async (o) => {
  const { runExport } = await import('./export-command.js');
  process.exitCode = await runExport({ ...o, graphFile: o.graph }, progressBar(o.progress));
});

progressOptions(
  filterOptions(
    program
      .command('stats')
      .description('count entities by kind and relations by type, with the data version')
      .addOption(dataDirOption())
      .addOption(graphFileOption())
      .option('--json', 'print the counts as JSON', false),
  ),
).action(async (o) => {
  const { runStats } = await import('./stats-command.js');
  process.exitCode = await runStats({ ...o, graphFile: o.graph }, progressBar(o.progress));
});

progressOptions(
  program
    .command('snapshot')
    .description('check and index the data set, then write it as one snapshot file the server loads in seconds (serve --snapshot FILE)')
    .addOption(dataDirOption())
    .requiredOption('--out <file>', 'the snapshot file to write (replaced only once complete)'),
).action(async (o: { dataDir: string; out: string; progress?: boolean }) => {
  const { runSnapshot } = await import('./snapshot-command.js');
  process.exitCode = await runSnapshot({ dataDir: o.dataDir, out: o.out, load: loadShowingProgress(o.progress) }, progressBar(o.progress));
});

program
  .command('schema')
  .description('print the GraphQL schema (SDL), or with --data-file the JSON Schema of data files')
  .option('--data-file', 'print the JSON Schema that data files follow instead', false)
  .action(async (o: { dataFile: boolean }) => {
    const { schemaFiles } = await import('./schema-files.js');
    const wanted = o.dataFile ? 'data-file.schema.json' : 'schema.graphql';
    process.stdout.write(schemaFiles().find((f) => f.path.endsWith(wanted))!.text);
  });

await program.parseAsync();
