// Which documents are charters, and which are their config files (.charterrc.*). The glob is the one the language server is registered for; the
// regular expression answers the same question for a single file name (activation, commands).
// The glob has one flat brace group: VS Code's glob matcher does not expand nested braces.
import * as path from 'path';
import type * as vscode from 'vscode';
import { CHARTER_FILE_NAME, CHARTER_FILE_PATTERN, CONFIG_FILE_NAME, CONFIG_FILE_PATTERN } from '../../server/src/contract/files';

export { CHARTER_FILE_NAME, CONFIG_FILE_NAME };
export const CHARTER_GLOB = CHARTER_FILE_PATTERN;

/** Documents the language server checks: charters saved on disk, in YAML mode. A plain
 *  object literal, so it fits both vscode's and the LSP client's document-filter types. */
export const CHARTER_FILTER = { scheme: 'file', language: 'yaml', pattern: CHARTER_GLOB };

/** `.charterrc.yaml`, `.charterrc.yml` and `.charterrc.json` on disk, whatever language mode they are in. */
export const CONFIG_GLOB = CONFIG_FILE_PATTERN;
export const CONFIG_FILTER = { scheme: 'file', pattern: CONFIG_GLOB };

export function isCharterFileName(fileName: string): boolean {
  return CHARTER_FILE_NAME.test(path.basename(fileName));
}

export function isCharterDocument(doc: vscode.TextDocument): boolean {
  return doc.uri.scheme === 'file' && doc.languageId === 'yaml' && isCharterFileName(doc.uri.fsPath);
}

export function isConfigDocument(doc: vscode.TextDocument): boolean {
  return doc.uri.scheme === 'file' && CONFIG_FILE_NAME.test(path.basename(doc.uri.fsPath));
}
