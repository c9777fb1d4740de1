// Which documents are charters, and which are their config files (.charterrc.*): the globs come
// from the contract the server shares, the document selectors add the URI schemes a charter may
// live under. The regular expressions answer the same question for a single file name.
import type * as vscode from 'vscode';
import { CHARTER_FILE_NAME, CHARTER_FILE_PATTERN, CONFIG_FILE_NAME, CONFIG_FILE_PATTERN } from '../../server/src/contract/files';

export { CHARTER_FILE_NAME, CONFIG_FILE_NAME };
export const CHARTER_GLOB = CHARTER_FILE_PATTERN;
export const CONFIG_GLOB = CONFIG_FILE_PATTERN;

/**
 * Where a charter may live: on disk (`file`, also a local folder opened in vscode.dev), in a
 * repository opened in github.dev or vscode.dev (`vscode-vfs`), in a workspace on a VS Code server
 * seen from a browser extension host (`vscode-remote`), and in @vscode/test-web (`vscode-test-web`).
 * Not `git` (the old side of a diff) nor `untitled` (no name to be a charter by).
 */
export const CHARTER_SCHEMES = ['file', 'vscode-vfs', 'vscode-remote', 'vscode-test-web'] as const;

/** Documents the language server checks: charters in YAML mode, in each scheme. Plain object
 *  literals, so they fit both vscode's and the LSP client's document-filter types. */
export const CHARTER_FILTER = CHARTER_SCHEMES.map((scheme) => ({ scheme, language: 'yaml', pattern: CHARTER_GLOB }));

/** `.charterrc.yaml`, `.charterrc.yml` and `.charterrc.json`, whatever language mode they are in. */
export const CONFIG_FILTER = CHARTER_SCHEMES.map((scheme) => ({ scheme, pattern: CONFIG_GLOB }));

/** The last segment of a path or URI path. */
export function baseName(filePath: string): string {
  return filePath.split(/[/\\]/).pop() ?? filePath;
}

export function isCharterFileName(fileName: string): boolean {
  return CHARTER_FILE_NAME.test(baseName(fileName));
}

const ours = (uri: vscode.Uri) => (CHARTER_SCHEMES as readonly string[]).includes(uri.scheme);

export function isCharterDocument(doc: vscode.TextDocument): boolean {
  return ours(doc.uri) && doc.languageId === 'yaml' && isCharterFileName(doc.uri.path);
}

export function isConfigDocument(doc: vscode.TextDocument): boolean {
  return ours(doc.uri) && CONFIG_FILE_NAME.test(baseName(doc.uri.path));
}
