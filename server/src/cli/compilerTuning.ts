/**
 * How V8 compiles the CLI, set before any analysis runs. The CLI is a short process whose whole
 * analysis is a document's first: its hot functions start in the interpreter, and the optimised
 * code arrives only when the optimising compiler, on a background thread, has built it. A smaller
 * inlining budget makes each of those compilations smaller, so the optimised code comes sooner; the
 * peak speed it gives up does not show in one pass over a file (docs/bench.md, "the cold path"). Set at run time because flags on the bin's first line (`env -S`) do not work
 * everywhere; unlike most V8 flags, this one is read at every compilation, so it takes effect here.
 * The server and the bench's in-process figures keep V8's defaults.
 */
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--max-inlined-bytecode-size-cumulative=200');
