/**
 * Finds where and why a text is not valid JSON, for messages that point at the place. Used only
 * after JSON.parse has failed (Node 20's JSON.parse messages carry no position for many errors
 * and quote the whole input). Pure and iterative: no recursion, so deep nesting cannot overflow.
 */
export interface JsonSyntaxError {
  offset: number;
  message: string;
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

export function findJsonError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const n = text.length;
  const skip = (): void => {
    while (i < n && WS.has(text.charCodeAt(i))) i++;
  };
  const err = (message: string, at = i): JsonSyntaxError => ({ offset: at, message });
  const found = (): string => (i >= n ? 'the end of the file' : JSON.stringify(text[i]));

  /** Reads a string starting at text[i] === '"'; returns an error or undefined. */
  const readString = (): JsonSyntaxError | undefined => {
    const start = i;
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return undefined;
      }
      if (c < 0x20) return err('control character inside a string (escape it)');
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return err('invalid \\u escape in a string');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return err('invalid escape in a string');
      } else i++;
    }
    return err('unterminated string', start);
  };

  /** A member's "name" and the ':' after it. */
  const readPropertyName = (): JsonSyntaxError | undefined => {
    if (text[i] !== '"') return err(`expected a property name in double quotes, found ${found()}`);
    const e = readString();
    if (e) return e;
    skip();
    if (text[i] !== ':') return err(`expected ':' after the property name, found ${found()}`);
    i++;
    return undefined;
  };

  const readValue = (): JsonSyntaxError | 'open' | undefined => {
    skip();
    const c = text[i];
    if (c === '{' || c === '[') return 'open';
    if (c === '"') return readString();
    const lit = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (lit && !/^[\w.+-]/.test(text.slice(i + lit[0].length, i + lit[0].length + 1))) {
      i += lit[0].length;
      return undefined;
    }
    return err(`expected a value, found ${found()}`);
  };

  // Stack of open containers: '{' or '['.
  const stack: string[] = [];
  let r = readValue();
  for (;;) {
    if (r !== undefined && r !== 'open') return r;
    if (r === 'open') {
      const open = text[i];
      i++;
      skip();
      const close = open === '{' ? '}' : ']';
      if (text[i] === close) {
        i++;
      } else {
        stack.push(open);
        if (open === '{') {
          const e = readPropertyName();
          if (e) return e;
        }
        r = readValue();
        continue;
      }
    }
    // A value just ended: close containers or move to the next member.
    for (;;) {
      skip();
      const top = stack[stack.length - 1];
      if (top === undefined) {
        if (i < n) return err(`unexpected ${found()} after the end of the JSON value`);
        return undefined;
      }
      const close = top === '{' ? '}' : ']';
      if (text[i] === close) {
        stack.pop();
        i++;
        continue;
      }
      if (text[i] !== ',') return err(`expected ',' or '${close}', found ${found()}`);
      i++;
      skip();
      if (top === '{') {
        const e = readPropertyName();
        if (e) return e;
      } else if (text[i] === ']') {
        return err(`expected a value, found ${found()} (trailing comma)`);
      }
      break;
    }
    r = readValue();
  }
}
