/**
 * The contenders of the throughput benchmark: our full analysis and four baselines, each a
 * function over the same input returning a checksum (printed by the runner, so no contender's
 * work can be optimised away).
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { XMLValidator } from 'fast-xml-parser';
import type { LanguageService } from '../server/src/api';
import { saxesParse } from './saxesParse';
import { bareTokenize } from './tokenizer';

export interface BenchInput {
  name: string;
  /** 'generated' SyncML trace or a real 'corpus' file. */
  source: 'generated' | 'corpus';
  text: string;
  /** UTF-8 bytes of the text: every MB/s figure divides these. */
  bytes: number;
  /**
   * The text cut at message boundaries (views of the same string, cut once outside any timing).
   * XML-conformant parsers (saxes, the fast-xml-parser validator) accept one root element per
   * document, so a saved trace of several messages is fed to them message by message; the others
   * take the whole text. The bytes are the same either way.
   */
  segments: string[];
}

export interface Contender {
  id: 'ours' | 'bare' | 'saxes' | 'htmlparser2' | 'fxp';
  label: string;
  run(input: BenchInput): number;
  /** Errors the parser reported on the last run (a sanity check: a baseline that stops early would look fast). */
  lastErrors(): number;
}

/** Time split of our contender, accumulated across runs (analyze vs doValidation). */
export interface OursSplit {
  analyzeMs: number;
  validateMs: number;
  diagnostics: number;
}

let uriCounter = 0;

/**
 * Our full analysis as the server does it on open: a new TextDocument, analyze, doValidation.
 * Each run gets a fresh URI and document so that nothing can be served from a cache.
 */
export function oursContender(service: LanguageService, split: OursSplit): Contender {
  return {
    id: 'ours',
    label: 'ours (analyze + doValidation)',
    run(input) {
      const doc = TextDocument.create(`file:///bench/${input.name}.${++uriCounter}.xml`, 'xml', 1, input.text);
      const t0 = performance.now();
      const analysis = service.analyze(doc, 'xml');
      const t1 = performance.now();
      const diagnostics = service.doValidation(analysis);
      const t2 = performance.now();
      split.analyzeMs += t1 - t0;
      split.validateMs += t2 - t1;
      split.diagnostics = diagnostics.length;
      return diagnostics.length + analysis.kind.length;
    },
    lastErrors: () => 0,
  };
}

export function bareContender(): Contender {
  return {
    id: 'bare',
    label: 'bare charCode tokenizer',
    run(input) {
      const r = bareTokenize(input.text);
      return (r.checksum + r.elements + r.closeTags + r.texts + r.attributes + r.other) | 0;
    },
    lastErrors: () => 0,
  };
}

export function saxesContender(): Contender {
  const acc = { sum: 0, errors: 0 };
  return {
    id: 'saxes',
    label: 'saxes 6 (xmlns:false)',
    run(input) {
      acc.errors = 0;
      acc.sum = 0;
      for (const segment of input.segments) saxesParse(segment, acc);
      return acc.sum;
    },
    lastErrors: () => acc.errors,
  };
}

/** The slice of htmlparser2's API used here (its typings are ESM-only, this project compiles to CommonJS). */
interface Htmlparser2Handlers {
  onopentag(name: string, attribs: Record<string, string>): void;
  ontext(text: string): void;
  onclosetag(name: string): void;
}
type Htmlparser2Module = {
  Parser: new (cbs: Partial<Htmlparser2Handlers>, options: { xmlMode: boolean }) => { end(chunk?: string): void };
};

/** htmlparser2 12 is ESM-only: require() works on Node >= 20.19, else fall back to a real import(). */
export async function loadHtmlparser2(): Promise<Htmlparser2Module> {
  try {
    return require('htmlparser2') as Htmlparser2Module;
  } catch {
    const dynamicImport = new Function('m', 'return import(m)') as (m: string) => Promise<Htmlparser2Module>;
    return dynamicImport('htmlparser2');
  }
}

export function htmlparser2Contender(mod: Htmlparser2Module): Contender {
  return {
    id: 'htmlparser2',
    label: 'htmlparser2 12 (xmlMode)',
    run(input) {
      let sum = 0;
      const parser = new mod.Parser(
        {
          onopentag(name) {
            sum = (sum + name.length) | 0;
          },
          ontext(text) {
            sum = (sum + text.length) | 0;
          },
          onclosetag() {
            sum = (sum + 1) | 0;
          },
        },
        { xmlMode: true },
      );
      parser.end(input.text);
      return sum;
    },
    lastErrors: () => 0,
  };
}

export function fxpContender(): Contender {
  let errors = 0;
  return {
    id: 'fxp',
    label: 'fast-xml-parser 5 XMLValidator',
    run(input) {
      errors = 0;
      let sum = 0;
      for (const segment of input.segments) {
        const r = XMLValidator.validate(segment);
        if (r === true) sum++;
        else errors++;
      }
      return sum;
    },
    lastErrors: () => errors,
  };
}
