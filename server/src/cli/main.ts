/**
 * `syncml-check`: the command-line shell around the language service. This file owns the side
 * effects (process, stdout/stderr, exit status); reading is in io.ts; the rest is pure.
 */
import './compilerTuning';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Analysis, LanguageService } from '../api';
import { createCatalog } from '../catalog/index';
import { diagnosticCodeInfo, lspSeverity } from '../diagnosticCodes';
import { errorMessage } from '../errorMessage';
import { createLanguageService } from '../languageService';
import type { DeclarationProblem, WbxmlSource } from '../model/encoding';
import { isOmaUri, parseArgs, USAGE, type CheckCommand, type ColorChoice, type DecodeCommand, type ExplainCommand } from './args';
import { byFolder, decodeCommands, decodeDocument, formatDecodeAnnotated, formatDecodeJson, formatDecodeList, type DecodedFile } from './decode';
import { formatExplainJson, formatExplainText, toExplainReport } from './explain';
import { explainNode } from './explainNodeRun';
import { loadDdfFiles } from './ddfFiles';
import { windowsCspSource } from '../catalog/csp/windowsCsp';
import { DmTree } from '../catalog/ddf/dmTree';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { ANSI, countSeverities, formatInputProblem, formatText, PLAIN, type Style } from './format/text';
import { planInputs, readFileText, readPackageInfo, readStdinText, type PlannedFile, type ReadResult } from './io';
import type { FileResult, InputProblem } from './types';

const EXIT_OK = 0;
const EXIT_PROBLEMS = 1;
const EXIT_USAGE = 2;

function out(text: string): void {
  process.stdout.write(text);
}

function err(line: string): void {
  process.stderr.write(line.endsWith('\n') ? line : line + '\n');
}

function styleFor(choice: ColorChoice, stream: NodeJS.WriteStream): Style {
  if (choice === 'always') return ANSI;
  if (choice === 'never') return PLAIN;
  if (process.env.NO_COLOR) return PLAIN;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return ANSI;
  return stream.isTTY && process.env.TERM !== 'dumb' ? ANSI : PLAIN;
}

function createService(): LanguageService {
  return createLanguageService({ catalog: createCatalog() });
}

/**
 * The service for check and decode: with --ddf, the user's DDF files merged with the bundled Windows
 * CSP index (built when a document first resolves a URI). A broken DDF is one warning line naming
 * the file and the place, and the rest keeps working; an unreadable path is reported and makes the
 * exit status 2, as explain does.
 */
function createCheckingService(ddf: readonly string[]): { service: LanguageService; unreadable: boolean } {
  if (ddf.length === 0) return { service: createService(), unreadable: false };
  const loaded = loadDdfFiles(ddf, process.cwd());
  for (const w of loaded.warnings) err(`syncml-check: warning: ${w}`);
  for (const u of loaded.unreadable) err(`syncml-check: ${u}`);
  const sources = loaded.sources;
  let tree: DmTree | undefined;
  const service = createLanguageService({
    catalog: createCatalog(),
    ...(sources.length ? { dmTree: () => (tree ??= new DmTree([windowsCspSource(), ...sources])) } : {}),
  });
  return { service, unreadable: loaded.unreadable.length > 0 };
}

interface LoadedFile {
  file: PlannedFile;
  text: string;
  languageId: string;
  /** The XML declaration names an encoding the bytes are not in (only a reader of bytes can tell). */
  declarationProblem?: DeclarationProblem;
  /** A WBXML input: what its header held, and where decoding stopped if it broke off. */
  wbxml?: WbxmlSource;
}

/**
 * Read every input, decide its language, and skip (with a note) an .xml found in a directory that is
 * neither a SyncML message, a profile of SyncML commands nor a DM tree (detectKind decides). Unreadable inputs become problems (exit 2).
 */
/** Why an .xml file is not checked (detectKind's rule, in words). */
const NOT_SYNCML = 'root element is neither SyncML nor MgmtTree, nor a SyncML command such as Replace (a profile)';

async function loadInputs(
  service: LanguageService,
  inputs: readonly string[],
  stdinFilename: string | undefined,
  verbose: boolean,
): Promise<{ loaded: LoadedFile[]; problems: InputProblem[] }> {
  const cwd = process.cwd();
  const plan = planInputs(inputs, cwd, stdinFilename);
  const problems: InputProblem[] = [...plan.problems];
  if (verbose) for (const n of plan.notes) err(`syncml-check: ${n}`);
  const loaded: LoadedFile[] = [];
  const skipped = new Set<PlannedFile>();
  for (const file of plan.files) {
    const read: ReadResult = file.abs === undefined ? await readStdinText() : readFileText(file.abs);
    if (!read.ok) {
      problems.push({ path: file.path, message: read.message });
      continue;
    }
    let languageId: string = file.languageId;
    const kind = service.detectKind(read.text, languageId);
    if (file.abs === undefined && !stdinFilename) languageId = kind === 'dmtree' ? 'dmtree' : 'syncml';
    if (file.fromDirectory && file.languageId === 'xml' && kind === 'other') {
      skipped.add(file);
      if (verbose) err(`syncml-check: skipping ${file.path}: ${NOT_SYNCML}`);
      continue;
    }
    if (verbose) {
      const what = kind === 'other' ? `not a SyncML message, profile or DM tree (${NOT_SYNCML})` : kind;
      err(`syncml-check: checking ${file.path} (${what}, language ${languageId}, ${read.encoding})`);
    }
    loaded.push({ file, text: read.text, languageId, declarationProblem: read.declarationProblem, wbxml: read.wbxml });
  }
  for (const dir of plan.directories) {
    if (dir.files.some((f) => loaded.some((l) => l.file === f))) continue;
    if (dir.files.some((f) => problems.some((p) => p.path === f.path))) continue;
    const skippedHere = dir.files.filter((f) => skipped.has(f)).length;
    problems.push({
      path: dir.path,
      message:
        skippedHere > 0
          ? `nothing to check: ${skippedHere === 1 ? '1 .xml file' : `${skippedHere} .xml files`} found, but none is a SyncML message, profile or DM tree`
          : 'nothing to check: no .xml, .syncml, .ddf, .tnds or .wbxml files found',
    });
  }
  return { loaded, problems };
}

function analyze(service: LanguageService, l: LoadedFile) {
  const document = TextDocument.create(l.file.documentUri, l.languageId, 1, l.text);
  return service.analyze(document, l.languageId);
}

/** The service's diagnostics, plus the declared-encoding mismatch the CLI alone can see. */
function validate(service: LanguageService, l: LoadedFile): Diagnostic[] {
  const analysis = analyze(service, l);
  const diagnostics = service.doValidation(analysis);
  const doc = analysis.document;
  // Both are XML syntax problems only the bytes show; reported as the service reports its own.
  const syntax = (start: number, end: number, message: string): Diagnostic => ({
    range: { start: doc.positionAt(start), end: doc.positionAt(end) },
    severity: lspSeverity(diagnosticCodeInfo('xml-syntax')!.defaultSeverity),
    code: 'xml-syntax',
    source: 'syncml',
    message,
  });
  const stop = l.wbxml?.problem;
  if (stop) diagnostics.push(syntax(stop.textOffset, stop.textEnd, wbxmlStopMessage(stop)));
  const p = l.declarationProblem;
  if (p) diagnostics.unshift(syntax(p.start, p.end, p.message));
  return diagnostics;
}

function wbxmlStopMessage(stop: NonNullable<WbxmlSource['problem']>): string {
  return `WBXML decoding stopped at byte offset ${stop.offset}: ${stop.message}; the rest of the capture is not shown`;
}

/** Positions in the output of a WBXML input refer to its decoded XML: say so once per file, on stderr. */
function noteWbxml(loaded: readonly LoadedFile[]): void {
  for (const l of loaded) {
    if (!l.wbxml) continue;
    const shown = l.file.abs === undefined ? '-' : l.file.path;
    err(`syncml-check: ${l.file.path}: WBXML decoded to XML; line:column refer to the decoded XML (syncml-check decode --xml ${shown} prints it)`);
  }
}

function internalProblem(path: string, e: unknown): InputProblem {
  return { path, message: `internal error while checking: ${errorMessage(e).split('\n')[0]}` };
}

async function runCheck(cmd: CheckCommand): Promise<number> {
  const { service, unreadable } = createCheckingService(cmd.ddf);
  const { loaded, problems } = await loadInputs(service, cmd.inputs, cmd.stdinFilename, cmd.verbose);
  noteWbxml(loaded);
  const results: FileResult[] = [];
  for (const l of loaded) {
    let diagnostics: Diagnostic[];
    try {
      diagnostics = validate(service, l);
    } catch (e) {
      problems.push(internalProblem(l.file.path, e));
      if (cmd.verbose && e instanceof Error && e.stack) err(e.stack);
      continue;
    }
    results.push({ path: l.file.path, uri: l.file.uri, relative: l.file.relative, diagnostics });
  }

  const style = styleFor(cmd.color, process.stdout);
  for (const p of problems) err(formatInputProblem(p));
  if (cmd.format === 'json') out(formatJson(results));
  else if (cmd.format === 'sarif') {
    const pkg = readPackageInfo();
    const root = pathToFileURL(process.cwd()).href;
    out(
      formatSarif(results, {
        toolVersion: pkg.version,
        informationUri: pkg.informationUri,
        srcRootUri: root.endsWith('/') ? root : root + '/',
        problems,
      }),
    );
  } else if (results.length > 0 || problems.length === 0) out(formatText(results, style));

  if (problems.length > 0 || unreadable) return EXIT_USAGE;
  const counts = countSeverities(results);
  if (counts.error > 0) return EXIT_PROBLEMS;
  if (cmd.maxWarnings !== undefined && counts.warning > cmd.maxWarnings) {
    err(`syncml-check: too many warnings (${counts.warning}, at most ${cmd.maxWarnings} allowed by --max-warnings)`);
    return EXIT_PROBLEMS;
  }
  return EXIT_OK;
}

async function runDecode(cmd: DecodeCommand): Promise<number> {
  const { service, unreadable } = createCheckingService(cmd.ddf);
  const { loaded, problems } = await loadInputs(service, cmd.inputs, cmd.stdinFilename, cmd.verbose);
  if (cmd.xml) {
    const code = printXml(cmd, loaded, problems);
    return unreadable ? EXIT_USAGE : code;
  }
  noteWbxml(loaded);
  // A WBXML capture that broke off: the part that decoded is listed, and the stop is said once.
  const brokenOff = loaded.filter((l) => l.wbxml?.problem);
  for (const l of brokenOff) err(`syncml-check: ${l.file.path}: ${wbxmlStopMessage(l.wbxml!.problem!)}`);
  const files: (DecodedFile & { text: string })[] = [];
  // Files given from one folder are read together: a session split into one file per message pairs across them.
  for (const group of byFolder(loaded, (l) => (l.file.abs === undefined ? undefined : dirname(l.file.abs)))) {
    const analysed: { l: LoadedFile; analysis: Analysis }[] = [];
    for (const l of group) {
      try {
        analysed.push({ l, analysis: analyze(service, l) });
      } catch (e) {
        problems.push(internalProblem(l.file.path, e));
        if (cmd.verbose && e instanceof Error && e.stack) err(e.stack);
      }
    }
    const pathOf = (uri: string) => analysed.find((x) => x.l.file.documentUri === uri)?.l.file.path ?? uri;
    for (const { l, analysis } of analysed) {
      try {
        const codes = decodeDocument(service, analysis);
        const peers = analysed.filter((x) => x.analysis !== analysis).map((x) => x.analysis);
        const commands = decodeCommands(service, analysis, peers, pathOf);
        files.push({ path: l.file.path, codes, ...(commands.length ? { commands } : {}), text: l.text });
      } catch (e) {
        problems.push(internalProblem(l.file.path, e));
        if (cmd.verbose && e instanceof Error && e.stack) err(e.stack);
      }
    }
  }
  for (const p of problems) err(formatInputProblem(p));
  const style = styleFor(cmd.color, process.stdout);
  if (cmd.format === 'json') out(formatDecodeJson(files.map(({ text: _text, ...file }) => file)));
  else if (cmd.annotate) {
    files.forEach((f, i) => {
      if (files.length > 1) out(`${i ? '\n' : ''}${style.bold(`==> ${f.path} <==`)}\n`);
      out(formatDecodeAnnotated(f.text, f.codes, style, f.commands));
    });
  } else if (files.length) out(formatDecodeList(files, { verbose: cmd.verbose }, style));
  return problems.length || unreadable ? EXIT_USAGE : brokenOff.length ? EXIT_PROBLEMS : EXIT_OK;
}

/** `decode --xml`: each input as the text that is checked (a WBXML capture decoded to XML). */
function printXml(cmd: DecodeCommand, loaded: readonly LoadedFile[], problems: readonly InputProblem[]): number {
  for (const p of problems) err(formatInputProblem(p));
  const style = styleFor(cmd.color, process.stdout);
  loaded.forEach((l, i) => {
    if (loaded.length > 1) out(`${i ? '\n' : ''}${style.bold(`==> ${l.file.path} <==`)}\n`);
    out(l.text.endsWith('\n') ? l.text : l.text + '\n');
    const stop = l.wbxml?.problem;
    if (stop) err(`syncml-check: ${l.file.path}: ${wbxmlStopMessage(stop)}`);
  });
  if (problems.length) return EXIT_USAGE;
  return loaded.some((l) => l.wbxml?.problem) ? EXIT_PROBLEMS : EXIT_OK;
}

function runExplain(cmd: ExplainCommand): number {
  if (isOmaUri(cmd.input)) return explainNode(cmd, out, err, styleFor(cmd.color, process.stdout));
  const service = createService();
  const explanation = service.explain(cmd.input.trim(), cmd.family);
  const report = toExplainReport(explanation, service.catalog, cmd.family);
  const style = styleFor(cmd.color, process.stdout);
  out(cmd.format === 'json' ? formatExplainJson(report) : formatExplainText(report, style));
  return report.meanings.length > 0 || report.windowsError ? EXIT_OK : EXIT_PROBLEMS;
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseArgs(argv);
  switch (parsed.command) {
    case 'usage-error':
      err(`syncml-check: ${parsed.message}`);
      err("Try 'syncml-check --help' for usage.");
      return EXIT_USAGE;
    case 'help':
      out(USAGE);
      return EXIT_OK;
    case 'version':
      out(`syncml-check ${readPackageInfo().version}\n`);
      return EXIT_OK;
    case 'explain':
      return runExplain(parsed);
    case 'decode':
      return runDecode(parsed);
    case 'check':
      return runCheck(parsed);
  }
}

// A closed pipe (`syncml-check dir | head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    // Set, not exit(): let stdout drain when it is a pipe.
    process.exitCode = code;
  },
  (e: unknown) => {
    const verbose = process.argv.includes('--verbose');
    err(`syncml-check: internal error: ${errorMessage(e).split('\n')[0]}`);
    if (verbose && e instanceof Error && e.stack) err(e.stack);
    else err('Run again with --verbose for details.');
    process.exitCode = EXIT_USAGE;
  },
);
