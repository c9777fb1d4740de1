// Entry of dist/web/server.js: the language server as a classic web worker script, speaking LSP
// over postMessage. It reads charters and configs only through the client (`teamCharter/readFile`,
// `teamCharter/findFiles`; docs/editor.md, "Web server"). The same script also runs outside a worker
// (the extension host's fallback): there `self` is a MessagePort handed to it in place of the worker scope.
import { BrowserMessageReader, BrowserMessageWriter, ProposedFeatures, createConnection } from 'vscode-languageserver/browser';
import { startServer } from './server';

/** The worker's global scope, or the port that stands in for it (a free name, so a wrapper can bind it). */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];
const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self));
startServer(connection, () => (require('./client-platform') as typeof import('./client-platform')).clientPlatform(connection));
