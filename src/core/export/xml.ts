/** Minimal, safe XML text building: escaping for text and attribute values, and removal of characters XML 1.0 forbids. */

/**
 * Characters XML 1.0 cannot carry at all: C0 controls other than tab, LF and CR, U+FFFE/FFFF, and (with the
 * `u` flag a surrogate range matches only unpaired ones) lone surrogates. Each becomes U+FFFD, one code point
 * for one, so that positions counted in code points stay right.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu;

/** Text content: & < > escaped; CR kept as a character reference so a parser does not normalise it away. */
export function xmlText(s: string): string {
  return s
    .replace(NOT_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** An attribute value for double quotes; tab, LF and CR as references, since attribute normalisation turns them into spaces. */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

/** ` name="value"` for each defined value, in the given order. */
export function attrs(values: Record<string, string | number | boolean | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`)
    .join('');
}
