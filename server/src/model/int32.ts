/** A copy of a at twice its length: how the model's growing Int32Array tables grow. */
export function doubled(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
