// The Node server's platform: charters and configs on the local file system (NodeHost); only
// `file:` URIs have paths; V8 tuned for throughput once a root holds many charters.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { NodeHost } from '../host/node-host';
import type { ServerPlatform } from './platform';
import { manyCharters } from './v8-tuning';

export function fsPathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? path.resolve(fileURLToPath(uri)) : undefined;
  } catch {
    return undefined;
  }
}

export function nodePlatform(): ServerPlatform {
  return {
    createHost: (folders) => new NodeHost({ workspaceFolders: folders.map(fsPathOf).filter((p): p is string => p !== undefined) }),
    pathOf: fsPathOf,
    uriOf: (p) => pathToFileURL(p).toString(),
    manyCharters,
  };
}
