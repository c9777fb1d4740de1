// JSON and SARIF output. JSON.stringify escapes C0 controls but writes DEL, C1 controls, line and
// paragraph separators and bidirectional controls raw; they are valid JSON, yet a log or a terminal
// showing the file would obey them. They are written as \u escapes instead (the same JSON value).
// Paths become SARIF artifact URIs: each segment percent-encoded, so `:`, `#`, `%`, spaces and
// line breaks in a folder name can neither change the URI's meaning nor make it invalid.

const RAW_IN_JSON = /[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Serialized JSON with the characters above as \u escapes (they can only occur inside strings). */
export function inertJson(json: string): string {
  return json.replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A `/`-separated relative path as a URI reference; a lone surrogate becomes U+FFFD (encodeURIComponent would throw). */
export function pathUri(path: string): string {
  return path
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .split('/')
    .map(encodeURIComponent)
    .join('/');
}
