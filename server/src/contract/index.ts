// The contract the client, the server and the CLI share: ids, file patterns, custom request names
// and shapes, and the starter charter. Imports nothing outside this folder (the client bundle stays
// small); test/client/manifest.test.ts checks package.json against it.
export * from './ids';
export * from './files';
export * from './requests';
export * from './starter-charter';
