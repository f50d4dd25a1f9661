/** Text as XML character data: the characters that would read as markup, escaped (untouched when there are none). */
const SPECIAL_TEXT = /[<&>]/;
const SPECIAL_ATTR = /[<&"]/;

export function escapeXmlText(s: string): string {
  return SPECIAL_TEXT.test(s) ? s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : s;
}

/** A value for a double-quoted attribute. */
export function escapeXmlAttr(s: string): string {
  return SPECIAL_ATTR.test(s) ? s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;') : s;
}
