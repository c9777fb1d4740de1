// The request handlers: completion, hover, navigation, symbols, lenses, code actions and the
// fix-all command. Each runs on the shared analysis of the document's current version; an error
// is logged and answered with an empty result (only rename's messages for the user are thrown).
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import type {
  ClientCapabilities,
  CodeActionParams,
  CodeLensParams,
  CompletionParams,
  Connection,
  DefinitionParams,
  DocumentSymbolParams,
  ExecuteCommandParams,
  HoverParams,
  Position,
  PrepareRenameParams,
  ReferenceParams,
  RenameParams,
} from 'vscode-languageserver/node';
import type { Charters, CharterState } from './charters';
import { codeActions } from '../service/code-actions';
import { codeLenses } from '../service/code-lens';
import { completions } from '../service/completion';
import { fixAllEdits } from '../service/fix-all';
import { FIX_ALL_COMMAND, FIX_ALL_TITLE } from './protocol';
import { hover, partyAt, weightParagraph } from '../service/hover';
import type { PartyWeight } from '../org/weight';
import { definition, prepareRename, references, rename } from '../service/navigation';
import { documentSymbols, flatSymbols } from '../service/symbols';
import { RefusedRequest } from '../service/errors';

export interface FeatureContext {
  charters(): Charters;
  /** What a party carries across the charter set of a document (the organisation view), if known. */
  weightOf?(uri: string, party: string): Promise<PartyWeight | undefined>;
  capabilities(): ClientCapabilities;
  log(message: string): void;
}

export type FeatureHandlers = ReturnType<typeof createFeatures>;

export function createFeatures(connection: Connection, ctx: FeatureContext) {
  /** Runs a feature on the current state of a charter; errors are logged, never thrown at the client. */
  async function withState<T>(feature: string, uri: string | undefined, fallback: T, run: (state: CharterState) => T | Promise<T>): Promise<T> {
    try {
      if (typeof uri !== 'string') return fallback;
      const state = await ctx.charters().state(uri);
      if (!state) return fallback;
      return await run(state);
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      // Meant for the user (e.g. an invalid new id).
      if (e instanceof RefusedRequest) throw new ResponseError(LSPErrorCodes.RequestFailed, e.message);
      ctx.log(`${feature} failed for ${uri}: ${(e as Error)?.stack ?? e}`);
      return fallback;
    }
  }

  /** The offset of a position, or undefined when the position is not one (LSP positions are whole numbers). */
  function offsetOf(state: CharterState, position: Position | undefined): number | undefined {
    if (!position || !Number.isInteger(position.line) || !Number.isInteger(position.character)) return undefined;
    return state.doc.offsetAt(position);
  }

  const withAnalysis = <T>(state: CharterState, fallback: T, run: (a: NonNullable<CharterState['analysis']>) => T): T => (state.analysis ? run(state.analysis) : fallback);
  const markdown = () => ctx.capabilities().textDocument?.hover?.contentFormat?.includes('markdown') ?? true;

  const onCompletion = (params: CompletionParams) =>
    withState('completion', params?.textDocument?.uri, [], (state) => {
      if (offsetOf(state, params.position) === undefined) return [];
      return completions(state, params, { snippets: Boolean(ctx.capabilities().textDocument?.completion?.completionItem?.snippetSupport) });
    });
  const onHover = (params: HoverParams) =>
    withState('hover', params?.textDocument?.uri, null, async (state) => {
      const offset = offsetOf(state, params.position);
      const result = offset === undefined ? null : withAnalysis(state, null, (a) => hover(a, offset));
      // A party's weight across the set: members and stakeholders only (roles are local to a charter).
      const party = offset === undefined || !state.settings.organisation ? undefined : withAnalysis(state, undefined, (a) => partyAt(a, offset));
      const kind = party === undefined ? undefined : state.analysis?.index.partyKind(party);
      if (result && party !== undefined && (kind === 'member' || kind === 'stakeholder') && typeof result.contents === 'object' && 'kind' in result.contents) {
        const weight = await ctx.weightOf?.(state.doc.uri, party);
        if (weight) result.contents.value += `\n\n${weightParagraph(weight)}`;
      }
      if (result && !markdown() && typeof result.contents === 'object' && 'kind' in result.contents) {
        result.contents = { kind: 'plaintext', value: result.contents.value.replace(/\*\*|`/g, '').replace(/\\(.)/g, '$1') };
      }
      return result;
    });
  const onDefinition = (params: DefinitionParams) =>
    withState('definition', params?.textDocument?.uri, [], (state) => {
      const offset = offsetOf(state, params.position);
      return offset === undefined ? [] : withAnalysis(state, [], (a) => definition(a, state.doc.uri, offset));
    });
  const onReferences = (params: ReferenceParams) =>
    withState('references', params?.textDocument?.uri, [], (state) => {
      const offset = offsetOf(state, params.position);
      return offset === undefined ? [] : withAnalysis(state, [], (a) => references(a, state.doc.uri, offset, params.context?.includeDeclaration ?? true));
    });
  const onPrepareRename = (params: PrepareRenameParams) =>
    withState('prepareRename', params?.textDocument?.uri, null, (state) => {
      const offset = offsetOf(state, params.position);
      return offset === undefined ? null : withAnalysis(state, null, (a) => prepareRename(a, offset));
    });
  const onRename = (params: RenameParams) =>
    withState('rename', params?.textDocument?.uri, null, (state) => {
      const offset = offsetOf(state, params.position);
      return offset === undefined ? null : withAnalysis(state, null, (a) => rename(a, state.doc.uri, offset, String(params.newName ?? '')));
    });
  const onDocumentSymbol = (params: DocumentSymbolParams) =>
    withState('documentSymbol', params?.textDocument?.uri, [], (state) =>
      withAnalysis(state, [], (a) => {
        const symbols = documentSymbols(a);
        return ctx.capabilities().textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport ? symbols : flatSymbols(symbols, state.doc.uri);
      }),
    );
  const onCodeLens = (params: CodeLensParams) => withState('codeLens', params?.textDocument?.uri, [], (state) => (state.settings.codeLens ? withAnalysis(state, [], codeLenses) : []));
  const onCodeAction = (params: CodeActionParams) => withState('codeAction', params?.textDocument?.uri, [], (state) => codeActions(state, params));
  const onExecuteCommand = async (params: ExecuteCommandParams) => {
    if (params.command !== FIX_ALL_COMMAND) return null;
    const uri = commandUri(params.arguments?.[0]);
    return withState('fixAll', uri, { applied: false, fixed: 0 }, async (state) => {
      const { edits, fixed } = fixAllEdits(state);
      if (edits.length === 0) return { applied: false, fixed: 0 };
      const result = await connection.workspace.applyEdit({ label: FIX_ALL_TITLE, edit: { changes: { [state.doc.uri]: edits } } });
      return { applied: result.applied, fixed: result.applied ? fixed : 0 };
    });
  };
  return { onCompletion, onHover, onDefinition, onReferences, onPrepareRename, onRename, onDocumentSymbol, onCodeLens, onCodeAction, onExecuteCommand };
}

/** `teamCharter.fixAll` takes the uri as a string, `{ uri }` or `{ textDocument: { uri } }`. */
function commandUri(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg && typeof arg === 'object') {
    const a = arg as { uri?: unknown; textDocument?: { uri?: unknown } };
    if (typeof a.uri === 'string') return a.uri;
    if (typeof a.textDocument?.uri === 'string') return a.textDocument.uri;
  }
  return undefined;
}
