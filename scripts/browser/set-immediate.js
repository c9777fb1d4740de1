// setImmediate for the web worker bundle (esbuild `inject`): browsers have none. The server's
// scheduler uses it to wait for a turn of the event loop; a zero timeout is the browser's turn, as
// vscode-jsonrpc's own browser runtime uses for its immediates.
const immediate = typeof globalThis.setImmediate === 'function' ? globalThis.setImmediate.bind(globalThis) : (callback, ...args) => setTimeout(callback, 0, ...args);
export { immediate as setImmediate };
