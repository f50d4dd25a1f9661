/**
 * One small example of each class that the analysis and the WBXML decoder make short-lived
 * instances of, held for the life of the process. V8 holds the hidden class that an instance
 * reaches field by field only weakly (through the transitions from its constructor's initial one):
 * at a full GC with no such object alive (the bench forces one between rounds; V8's memory reducer
 * runs one on its own once an editor's server idles) it collects them, and every compiled function
 * that checks them is thrown away ("weak objects" in node --trace-deopt), so the next analysis runs
 * unoptimised until the JIT has compiled it again. An example with the same hidden class keeps it,
 * and with it the compiled code. (An object literal's own hidden class is held by the function that
 * has the literal; a property added to it afterwards is a transition like any other, so the hot
 * paths write their literals whole.)
 *
 * A module-level constant in the class's own module would not do: one that no function reads is
 * not kept once the module has run. The array here is read by holdShape, which keeps it.
 */
const examples: object[] = [];

/** Keep `example` (built by the same constructor as the real instances) for the life of the process. */
export function holdShape<T extends object>(example: T): T {
  examples.push(example);
  return example;
}

/**
 * For an example's constructor arguments that the constructor only stores (a catalog, a text
 * document): what a field holds does not change the hidden class the example reaches.
 */
export const STORED_ONLY = Object.freeze({}) as never;
