// A request the features refuse with a message meant for the user (e.g. renaming to an invalid id).
// The language server answers it as a JSON-RPC error (RequestFailed) with this message; any other
// throw is a bug, logged and answered with an empty result.
export class RefusedRequest extends Error {}
