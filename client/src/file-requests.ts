// The client's side of the server's file requests (contract/requests.ts): a server that cannot read
// files itself (the web worker) reads charters and configs through VS Code's file system and search,
// so it sees what the editor sees, on disk or on a virtual file system (github.dev, vscode.dev).
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient/node';
import { FIND_FILES_REQUEST, READ_FILE_REQUEST } from '../../server/src/contract/requests';
import type { FindFilesParams, FindFilesResult, ReadFileParams, ReadFileResult } from '../../server/src/contract/requests';

/** Strict UTF-8 that keeps a byte-order mark (the server reports and keeps it as on disk). */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export async function readFile(params: ReadFileParams | null | undefined): Promise<ReadFileResult> {
  if (typeof params?.uri !== 'string') return null;
  try {
    return { text: utf8.decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(params.uri, true))) };
  } catch {
    return null; // missing, a folder, unreadable, or not UTF-8 text
  }
}

export async function findFiles(params: FindFilesParams | null | undefined): Promise<FindFilesResult> {
  if (typeof params?.base !== 'string' || typeof params.include !== 'string') return [];
  const base = vscode.Uri.parse(params.base, true);
  const exclude = typeof params.exclude === 'string' ? new vscode.RelativePattern(base, params.exclude) : null;
  const found = await vscode.workspace.findFiles(new vscode.RelativePattern(base, params.include), exclude);
  return found.map((uri) => uri.toString());
}

export function answerFileRequests(client: BaseLanguageClient): void {
  client.onRequest(READ_FILE_REQUEST, readFile);
  client.onRequest(FIND_FILES_REQUEST, findFiles);
}
