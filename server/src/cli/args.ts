/**
 * Command-line parsing for `syncml-check`: takes argv, returns what to do or a usage error.
 * util.parseArgs splits the arguments; this module checks them and words the errors.
 *
 *   syncml-check [options] <file|dir|->...          check files (the default command)
 *   syncml-check decode [options] <file|dir|->...   list every code with its meaning
 *     (both take --ddf <path>...: DDF files besides the bundled Windows CSP index)
 *   syncml-check explain <number> [--family <id>]   every meaning of a number
 *   syncml-check explain <OMA-URI> [--ddf <path>]... a DM tree node's facts
 */
import { parseArgs as nodeParseArgs, type ParseArgsConfig } from 'node:util';
import { FAMILY_IDS, type FamilyId } from '../catalog/types';

type OutputFormat = 'text' | 'json' | 'sarif';
export type ColorChoice = 'auto' | 'always' | 'never';

interface CommonOptions {
  format: OutputFormat;
  verbose: boolean;
  color: ColorChoice;
}

export interface CheckCommand extends CommonOptions {
  command: 'check';
  inputs: string[];
  /** Exit 1 when there are more warnings than this; undefined = unlimited. */
  maxWarnings: number | undefined;
  /** Name shown (and used to choose the language) for text read from stdin. */
  stdinFilename: string | undefined;
  /** DDF files or folders (`--ddf`, repeatable) merged with the bundled Windows CSP index. */
  ddf: string[];
}

export interface DecodeCommand extends CommonOptions {
  command: 'decode';
  inputs: string[];
  /** Print the whole file with each code annotated instead of one line per code. */
  annotate: boolean;
  /** Print the text as checked (WBXML decoded to XML) instead of the codes. */
  xml: boolean;
  stdinFilename: string | undefined;
  /** DDF files or folders (`--ddf`, repeatable) merged with the bundled Windows CSP index. */
  ddf: string[];
}

export interface ExplainCommand extends CommonOptions {
  command: 'explain';
  input: string;
  family: FamilyId | undefined;
  /** DDF files or folders (`--ddf`, repeatable) merged with the bundled Windows CSP index. */
  ddf: string[];
}

/** An explain argument naming a DM tree node rather than a number: `./Vendor/MSFT/…`, `Device/…`. */
export function isOmaUri(input: string): boolean {
  return input.includes('/') || input.startsWith('.');
}

interface InfoCommand {
  command: 'help' | 'version';
}

type Command = CheckCommand | DecodeCommand | ExplainCommand | InfoCommand;

interface UsageError {
  command: 'usage-error';
  message: string;
}

type ParseResult = Command | UsageError;

export const USAGE = `Usage:
  syncml-check [options] <file|dir|->...         check SyncML messages and DM tree files
  syncml-check decode [options] <file|dir|->...  list every code with its meaning (like inlay hints);
                                                 --decode does the same
  syncml-check explain <number> [--family <id>]  every meaning of a number, across code families
  syncml-check explain <OMA-URI> [--ddf PATH]... a DM tree node's facts (format, access, allowed
                                                 values, default, OS build, docs link) from the
                                                 bundled Windows CSP index and your DDF files

Inputs:
  file     checked whatever its extension (.syncml may hold a fragment; .ddf/.tnds are DM trees)
  dir      searched recursively for .xml, .syncml, .ddf, .tnds and .wbxml files; an .xml file
           whose root element is neither SyncML nor MgmtTree, nor a SyncML command (a profile
           of bare Replace, Add, Exec, ...), is skipped
  -        read standard input
  WBXML    SyncML/DM/DevInf/DDF WBXML is recognised from its first bytes, whatever the file is
           called, and checked as XML: line:column then refer to the decoded XML (decode --xml)

Options:
  --format text|json|sarif   output format (default text; decode and explain: text|json)
  --max-warnings N           exit 1 when there are more than N warnings (default: unlimited)
  --stdin-filename PATH      name to report for standard input (its extension picks the language)
  --annotate                 decode: print the whole file with each code annotated
  --xml                      decode: print each input as XML text (a WBXML capture decoded)
  --family ID                explain: only this code family
  --ddf PATH                 a DDF file or a folder of them (OMA DDF 1.2, Microsoft DDF v2) to know
                             besides the bundled Windows CSP index (check, decode, explain <OMA-URI>);
                             repeatable
  --verbose                  say which files are checked or skipped, and why
  --color, --no-color        force or disable colours (default: on a terminal, unless NO_COLOR)
  -h, --help                 show this help
  -V, --version              show the version

Exit status:
  0  no errors, and no more warnings than --max-warnings
  1  errors found, or too many warnings (explain: no meaning anywhere, or no such node)
  2  usage error, or an input that could not be read

A file literally named "decode" or "explain" can be checked as ./decode or after "--".
Family ids: ${FAMILY_IDS.join(', ')}
`;

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];

function usageError(message: string): UsageError {
  return { command: 'usage-error', message };
}

function isFamilyId(s: string): s is FamilyId {
  return (FAMILY_IDS as readonly string[]).includes(s);
}

/** The options util.parseArgs reads; every one is also validated below, in argv order. */
const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
  verbose: { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  decode: { type: 'boolean' },
  annotate: { type: 'boolean' },
  xml: { type: 'boolean' },
  format: { type: 'string' },
  'max-warnings': { type: 'string' },
  family: { type: 'string' },
  'stdin-filename': { type: 'string' },
  ddf: { type: 'string', multiple: true },
} as const satisfies ParseArgsConfig['options'];

type OptionName = keyof typeof OPTIONS;

function isOptionName(name: string): name is OptionName {
  return Object.hasOwn(OPTIONS, name);
}

/** What util.parseArgs reads as a group of short options (`-hV`, `-123`, `-h=x`). */
function isShortGroup(arg: string): boolean {
  return arg.length > 2 && arg[0] === '-' && arg[1] !== '-';
}

/** A string option's value, or the usage error for a missing one (`--format`, `--format=`, `--format --verbose`). */
function optionValue(token: OptionToken): string | UsageError {
  const v = token.value;
  // util.parseArgs takes the next argument whatever it is; an option there means the value was left out.
  // `-` (stdin) and negative numbers (`--max-warnings -1`) are values.
  if (v === undefined || v === '' || (!token.inlineValue && v.startsWith('-') && v !== '-' && !/^-\d/.test(v))) {
    return usageError(`option ${token.rawName} needs a value`);
  }
  return v;
}

type OptionToken = Extract<NonNullable<ReturnType<typeof nodeParseArgs>['tokens']>[number], { kind: 'option' }>;

/**
 * Parse argv (without the node executable and script path).
 * Options may come before or after inputs; `--` ends options.
 */
export function parseArgs(argv: readonly string[]): ParseResult {
  let command: 'check' | 'decode' | 'explain' = 'check';
  let rest = argv.slice();
  if (rest[0] === 'explain' || rest[0] === 'decode') {
    command = rest[0];
    rest = rest.slice(1);
  }

  // Not strict: unknown options, missing values and values given to flags come back as tokens, so the
  // messages below (and which mistake is reported first) stay ours rather than Node's.
  const { tokens } = nodeParseArgs({ args: rest, options: OPTIONS, strict: false, allowPositionals: true, tokens: true });

  let format: OutputFormat | undefined;
  let maxWarnings: number | undefined;
  let verbose = false;
  let color: ColorChoice = 'auto';
  let family: FamilyId | undefined;
  let annotate = false;
  let xml = false;
  let stdinFilename: string | undefined;
  const ddf: string[] = [];
  let help = false;
  let version = false;
  const positionals: string[] = [];
  let numberIndex = -1;

  for (const token of tokens) {
    if (token.kind === 'positional') {
      positionals.push(token.value);
      continue;
    }
    if (token.kind === 'option-terminator') continue;
    const arg = rest[token.index];
    // util.parseArgs reads `-123` as the short options -1 -2 -3: take such an argument once, as a whole.
    if (token.index === numberIndex) continue;
    // A negative number is an explain argument (a signed-decimal HRESULT), not an option.
    if (command === 'explain' && /^-\d+$/.test(arg)) {
      numberIndex = token.index;
      positionals.push(arg);
      continue;
    }
    // Short options are not grouped (`-hV`): the whole argument is one unknown option, as it always was.
    if (isShortGroup(arg)) return usageError(`unknown option '${arg}'`);
    const name = token.name;
    if (!isOptionName(name)) return usageError(`unknown option '${token.rawName}'`);
    if (OPTIONS[name].type === 'boolean' && token.value !== undefined) {
      return usageError(`option ${token.rawName} takes no value`);
    }

    switch (name) {
      case 'help':
        help = true;
        break;
      case 'version':
        version = true;
        break;
      case 'verbose':
        verbose = true;
        break;
      case 'color':
        color = 'always';
        break;
      case 'no-color':
        color = 'never';
        break;
      case 'decode':
        if (command === 'explain') return usageError('--decode cannot be combined with explain');
        command = 'decode';
        break;
      case 'annotate':
        annotate = true;
        break;
      case 'xml':
        xml = true;
        break;
      case 'format': {
        const v = optionValue(token);
        if (typeof v !== 'string') return v;
        if (!(FORMATS as readonly string[]).includes(v)) {
          return usageError(`unknown format '${v}' for --format (expected text, json or sarif)`);
        }
        format = v as OutputFormat;
        break;
      }
      case 'max-warnings': {
        const v = optionValue(token);
        if (typeof v !== 'string') return v;
        if (v === '-1') {
          maxWarnings = undefined;
          break;
        }
        if (!/^\d+$/.test(v) || !Number.isSafeInteger(Number(v))) {
          return usageError(`--max-warnings expects a non-negative integer (or -1 for unlimited), got '${v}'`);
        }
        maxWarnings = Number(v);
        break;
      }
      case 'family': {
        const v = optionValue(token);
        if (typeof v !== 'string') return v;
        if (!isFamilyId(v)) {
          return usageError(`unknown family '${v}' (valid ids: ${FAMILY_IDS.join(', ')})`);
        }
        family = v;
        break;
      }
      case 'stdin-filename': {
        const v = optionValue(token);
        if (typeof v !== 'string') return v;
        stdinFilename = v;
        break;
      }
      case 'ddf': {
        const v = optionValue(token);
        if (typeof v !== 'string') return v;
        ddf.push(v);
        break;
      }
    }
  }

  if (help) return { command: 'help' };
  if (version) return { command: 'version' };

  const common = { verbose, color };
  if (command === 'explain') {
    if (positionals.length === 0) {
      return usageError('explain needs a number or an OMA-URI, e.g. syncml-check explain 404');
    }
    if (positionals.length > 1) {
      return usageError(`explain takes one number, got ${positionals.length}: ${positionals.join(' ')}`);
    }
    if (format === 'sarif') return usageError('explain supports --format text or json');
    if (maxWarnings !== undefined) return usageError('--max-warnings applies to checking, not to explain');
    if (annotate) return usageError('--annotate applies to decode, not to explain');
    if (xml) return usageError('--xml applies to decode, not to explain');
    if (isOmaUri(positionals[0])) {
      if (family !== undefined) return usageError('--family applies to a number, not to an OMA-URI');
    } else if (ddf.length) return usageError('--ddf applies to explain of an OMA-URI, not of a number');
    return { command, ...common, format: format ?? 'text', input: positionals[0], family, ddf };
  }
  if (family !== undefined) return usageError('--family applies to explain only');
  if (positionals.length === 0) {
    return usageError(
      command === 'decode' ? 'decode needs a file, a directory or - (stdin)' : 'no input: give a file, a directory or - (stdin)',
    );
  }
  if (positionals.filter((p) => p === '-').length > 1) return usageError("standard input ('-') can be read only once");
  if (command === 'decode') {
    if (format === 'sarif') return usageError('decode supports --format text or json');
    if (maxWarnings !== undefined) return usageError('--max-warnings applies to checking, not to decode');
    if (xml && annotate) return usageError('--xml and --annotate cannot be combined');
    if (xml && format === 'json') return usageError('--xml prints XML text; it cannot be combined with --format json');
    return { command, ...common, format: format ?? 'text', inputs: positionals, annotate, xml, stdinFilename, ddf };
  }
  if (annotate) return usageError('--annotate applies to decode only');
  if (xml) return usageError('--xml applies to decode only (syncml-check decode --xml <file>)');
  return { command, ...common, format: format ?? 'text', inputs: positionals, maxWarnings, stdinFilename, ddf };
}
