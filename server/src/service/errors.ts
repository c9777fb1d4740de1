// A request the features refuse with a message meant for the user (e.g. renaming to an invalid id).
// The language server answers it as a JSON-RPC error with this message; any other throw is a bug,
// logged and answered with an empty result.
export class RefusedRequest extends Error {
  /** `request`: nothing here can be done (InvalidRequest); `params`: the value given cannot be used (InvalidParams). */
  constructor(
    readonly reason: 'request' | 'params',
    message: string,
  ) {
    super(message);
  }
}
