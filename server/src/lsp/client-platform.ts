// The web worker server's platform: charters and configs read through the client
// (`teamCharter/readFile`, `teamCharter/findFiles`); a host path is the document's URI itself, in
// whatever scheme the editor uses (file, vscode-vfs, vscode-test-web, …).
import type { Connection } from 'vscode-languageserver';
import { ClientHost } from '../host/client-host';
import type { ServerPlatform } from './platform';

export function clientPlatform(connection: Connection): ServerPlatform {
  const log = (message: string) => connection.console.error(message);
  const send = (method: string, params: unknown) => connection.sendRequest(method, params);
  return {
    createHost: (folders) => new ClientHost(send, { workspaceFolders: folders, log }),
    // Untitled documents have no file to read around them; every other scheme is the client's to read.
    pathOf: (uri) => (uri.startsWith('untitled:') ? undefined : uri),
    uriOf: (p) => p,
  };
}
