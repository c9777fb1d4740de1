// Which files are charters and which are their config files: globs (document selectors, file
// watchers, `workspace/findFiles`) and the same question for one file name or URI. Each glob has one
// flat brace group: VS Code's glob matcher does not expand nested braces.

/** `team-charter.yaml|yml` and `<name>.charter.yaml|yml`, anywhere. */
export const CHARTER_FILE_PATTERN = '**/{team-charter.yaml,team-charter.yml,*.charter.yaml,*.charter.yml}';
/** `.charterrc.yaml|yml|json`, anywhere. */
export const CONFIG_FILE_PATTERN = '**/.charterrc.{yaml,yml,json}';
/** Folders no search enters, whatever the config says (as a glob for `findFiles` excludes). */
export const ALWAYS_SKIPPED_FOLDERS = ['node_modules', '.git'] as const;

export const CHARTER_FILE_NAME = /^(?:team-charter|.+\.charter)\.ya?ml$/;
export const CONFIG_FILE_NAME = /^\.charterrc\.(?:ya?ml|json)$/;

/** A file name (no folder): is it a charter? */
export function isCharterFileName(name: string): boolean {
  return CHARTER_FILE_NAME.test(name);
}

/** The file name at the end of a URI or path (percent-decoding a URI's), or undefined when it cannot be decoded. */
export function fileNameOf(uriOrPath: string): string | undefined {
  const last = uriOrPath.split(/[/\\:]/).pop() ?? '';
  try {
    return decodeURIComponent(last.split(/[?#]/)[0]);
  } catch {
    return undefined;
  }
}

/** `team-charter.yaml`, `team-charter.yml`, `<name>.charter.yaml`, `<name>.charter.yml`, in any scheme. */
export function isCharterUri(uri: string): boolean {
  const name = fileNameOf(uri);
  return name !== undefined && isCharterFileName(name);
}

/** `.charterrc.yaml`, `.charterrc.yml`, `.charterrc.json`, in any scheme. */
export function isConfigFileUri(uri: string): boolean {
  return /(^|\/)\.charterrc\.(ya?ml|json)$/.test(uri);
}
