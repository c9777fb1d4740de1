// Every value the HTML renderers write goes through `h` (text and attribute values alike):
// escape-html turns & < > " ' into entities, so no charter value can open a tag or an attribute.
import escapeHtml from 'escape-html';

export function h(value: string | number | undefined): string {
  return value === undefined ? '' : escapeHtml(String(value));
}

/** One decimal at most: `1.5`, `2`, `0.3`. */
export function num(value: number): string {
  const r = Math.round(value * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}
