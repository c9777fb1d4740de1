// What differs between the Node server and the web worker server besides the transport: the host
// that reads charters and configs (the file system, or the client through custom requests), and how
// a document URI maps to that host's paths. The shell and the runtime only see this interface.
import type { CharterHost } from '../host/host';

export interface ServerPlatform {
  /** A new host for these workspace folders (URIs); a new one forgets every file read so far. */
  createHost(workspaceFolders: readonly string[]): CharterHost;
  /** A document URI as the host's path; undefined when the host cannot read it (an unsaved document, another scheme). */
  pathOf(uri: string): string | undefined;
  /** A host path as a URI. */
  uriOf(path: string): string;
  /** A root with many charters is being read (called per charter): the process may tune itself for throughput. */
  manyCharters?(): void;
}

/** Made once the runtime loads (so the engine and the host load after `initialize` is answered). */
export type PlatformFactory = () => ServerPlatform;
