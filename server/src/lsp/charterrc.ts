// `.charterrc.*` documents in the editor: diagnostics on the exact key or value, did-you-mean quick
// fixes, completion and hover (the features themselves are in service/charterrc/).
//
// An editor that applies schemas/charterrc.schema.json to a kind of config file (VS Code's JSON
// service for .json; Red Hat's YAML extension for .yaml) validates, completes and hovers it already,
// so for that kind the server reports only what the schema cannot express and answers no completion
// or hover. The client says which kinds those are in `initializationOptions.configFileSchema`
// (`{ json?: boolean, yaml?: boolean }`) and in CONFIG_SCHEMA_NOTIFICATION when that changes; by
// default, none.
import { CodeActionKind, DiagnosticSeverity, MarkupKind } from 'vscode-languageserver/node';
import type { CodeAction, CodeActionParams, CompletionItem, CompletionParams, Diagnostic, Hover, HoverParams } from 'vscode-languageserver/node';
import { CompletionItemKind } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleDocsUrl, rules } from '../lint';
import { parseConfigDocument } from '../service/charterrc/config-document';
import type { ConfigDocument, OffsetRange } from '../service/charterrc/config-document';
import { configCompletions } from '../service/charterrc/completion';
import { configHover } from '../service/charterrc/hover';
import { configFileProblems } from '../service/charterrc/problems';
import { CONFIG_INVALID, EDITOR_DOCS, SOURCE } from '../service/diagnostics';

export interface ConfigFileSchema {
  json: boolean;
  yaml: boolean;
}

/** Reads `{ json?, yaml? }` as the client sent it; anything else means "no schema in the editor". */
export function readConfigFileSchema(value: unknown): ConfigFileSchema {
  const v = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  return { json: v.json === true, yaml: v.yaml === true };
}

const KINDS: Record<string, CompletionItemKind> = {
  key: CompletionItemKind.Property,
  rule: CompletionItemKind.Property,
  option: CompletionItemKind.Property,
  severity: CompletionItemKind.EnumMember,
  value: CompletionItemKind.Value,
};

export class ConfigFileFeatures {
  private schema: ConfigFileSchema;

  constructor(schema: ConfigFileSchema) {
    this.schema = schema;
  }

  setSchema(schema: ConfigFileSchema): void {
    this.schema = schema;
  }

  diagnostics(doc: TextDocument): Diagnostic[] {
    const { config, range } = this.read(doc);
    return configFileProblems(config, rules, { schemaValidated: this.validated(doc) }).map((p) => ({
      range: range(p.range),
      severity: DiagnosticSeverity.Error,
      code: CONFIG_INVALID,
      codeDescription: { href: `${EDITOR_DOCS}#config-invalid` },
      source: SOURCE,
      message: p.message,
    }));
  }

  completion(doc: TextDocument, params: CompletionParams): CompletionItem[] {
    if (this.validated(doc) || !isPosition(params.position)) return [];
    const { config, range, offset } = this.read(doc);
    return configCompletions(config, offset(params.position), rules, ruleDocsUrl).map((c, i) => ({
      label: c.label,
      kind: KINDS[c.kind],
      ...(c.detail ? { detail: c.detail } : {}),
      ...(c.documentation ? { documentation: { kind: MarkupKind.Markdown, value: c.documentation } } : {}),
      sortText: String(i).padStart(4, '0'),
      textEdit: { range: range(c.range), newText: c.newText },
    }));
  }

  hover(doc: TextDocument, params: HoverParams): Hover | null {
    if (this.validated(doc) || !isPosition(params.position)) return null;
    const { config, range, offset } = this.read(doc);
    const found = configHover(config, offset(params.position), rules, ruleDocsUrl);
    return found ? { contents: { kind: MarkupKind.Markdown, value: found.markdown }, range: range(found.range) } : null;
  }

  /** "Change to …" for each did-you-mean the client shows in the range asked about. */
  codeActions(doc: TextDocument, params: CodeActionParams): CodeAction[] {
    const only = params.context?.only;
    if (only && !only.some((k) => CodeActionKind.QuickFix === k || CodeActionKind.QuickFix.startsWith(k + '.'))) return [];
    const { config, range } = this.read(doc);
    const shown = params.context?.diagnostics ?? [];
    const actions: CodeAction[] = [];
    for (const problem of configFileProblems(config, rules, { schemaValidated: this.validated(doc) })) {
      if (!problem.fix) continue;
      const r = range(problem.range);
      const diagnostic = shown.find((d) => d.message === problem.message && d.range.start.line === r.start.line);
      if (!diagnostic) continue;
      actions.push({ title: problem.fix.title, kind: CodeActionKind.QuickFix, isPreferred: true, diagnostics: [diagnostic], edit: { changes: { [doc.uri]: [{ range: r, newText: problem.fix.newText }] } } });
    }
    return actions;
  }

  private validated(doc: TextDocument): boolean {
    return isJson(doc.uri) ? this.schema.json : this.schema.yaml;
  }

  /** The parsed file, with conversions between its offsets and the document's positions. */
  private read(doc: TextDocument) {
    const text = doc.getText();
    // A byte-order mark is not part of the config; offsets in the parsed text start after it.
    const bom = text.startsWith('\uFEFF') ? 1 : 0;
    const config: ConfigDocument = parseConfigDocument(text, isJson(doc.uri) ? '.charterrc.json' : '.charterrc.yaml');
    return {
      config,
      range: ([s, e]: OffsetRange) => ({ start: doc.positionAt(s + bom), end: doc.positionAt(e + bom) }),
      offset: (p: { line: number; character: number }) => Math.max(0, doc.offsetAt(p) - bom),
    };
  }
}

function isPosition(p: { line: number; character: number } | undefined): boolean {
  return Boolean(p) && Number.isFinite(p!.line) && Number.isFinite(p!.character);
}

function isJson(uri: string): boolean {
  return /\.json$/i.test(uri.split(/[?#]/)[0]);
}
