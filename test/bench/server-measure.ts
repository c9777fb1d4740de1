// One language-server process, measured: each function spawns a fresh server on a workspace folder,
// drives it like an editor (lsp-session.ts) and shuts it down. The benchmark sections call these;
// so can any other benchmark (a workspace of many charters, another build of the server).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspSession, sleep } from './lsp-session';
import type { Diagnostic, ServerSpec } from './lsp-session';
import { median, percentile } from './stats';

export const OURS = 'team-charter';
export const YAML_LS = 'yaml-language-server';

/**
 * Our server (`dist/server.js`, or another build of it given as `oursScript`) and Red Hat's
 * yaml-language-server given our JSON Schema for every `*.yaml`, validation on, no schema store.
 */
export function serverSpecs(root: string, oursScript = path.join(root, 'dist/server.js')): { ours: ServerSpec; yamlLs: ServerSpec } {
  const schemaUri = pathToFileURL(path.join(root, 'schemas/team-charter.schema.json')).href;
  return {
    ours: {
      name: OURS,
      script: oursScript,
      args: ['--stdio'],
      settings: { teamCharter: { enable: true, run: 'onType' } },
      languageId: 'yaml',
    },
    yamlLs: {
      name: YAML_LS,
      script: path.join(root, 'node_modules/yaml-language-server/bin/yaml-language-server'),
      args: ['--stdio'],
      settings: {
        yaml: { validate: true, hover: true, completion: true, schemas: { [schemaUri]: ['*.yaml'] }, schemaStore: { enable: false } },
        http: { proxy: '', proxyStrictSSL: false },
        '[yaml]': {},
        editor: { detectIndentation: true },
      },
      languageId: 'yaml',
    },
  };
}

/** Writes `text` as `<dir>/team-charter.yaml` in a folder holding nothing else; returns the file. */
export function singleCharterWorkspace(dir: string, text: string): string {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'team-charter.yaml');
  fs.writeFileSync(file, text);
  return file;
}

export interface FirstCheck {
  initializeMs: number;
  /** didOpen → first diagnostics of the file. */
  openMs: number;
  /** Spawn → first diagnostics of the file (what a user waits for after opening a charter in a fresh window). */
  spawnToDiagnosticsMs: number;
  /** VmHWM of the server process after the first check. */
  peakRssMiB: number | undefined;
  diagnostics: Diagnostic[];
}

export interface FirstCheckOptions {
  /** The folder the server is started on (its workspace folder). */
  workspace: string;
  /** The charter to open (read from disk unless `text` is given). */
  file: string;
  text?: string;
  /** Time between `initialized` and didOpen: 0 opens it at once, as an editor restoring a window does. */
  openDelayMs?: number;
}

/** A fresh server opens one charter: spawn → initialize → initialized → (wait) → didOpen → diagnostics. */
export async function firstCheck(spec: ServerSpec, o: FirstCheckOptions): Promise<FirstCheck> {
  const { session, initializeMs } = await LspSession.start(spec, o.workspace, { quietMs: 0 });
  try {
    if (o.openDelayMs) await sleep(o.openDelayMs);
    const opened = await session.open(pathToFileURL(o.file).href, o.text ?? fs.readFileSync(o.file, 'utf8'));
    return { initializeMs, openMs: opened.ms, spawnToDiagnosticsMs: opened.sinceSpawnMs, peakRssMiB: session.peakRssMiB(), diagnostics: opened.diagnostics };
  } finally {
    await session.close();
  }
}

export interface TypingResult {
  /** didOpen → first diagnostics (after the server went quiet following start-up). */
  openMs: number;
  /** Keystroke → diagnostics of its version, one per keystroke. */
  keystrokes: number[];
  p50: number;
  p95: number;
  /** VmHWM at the end of the session (open + typing), and VmRSS right after start-up. */
  peakRssMiB: number | undefined;
  startRssMiB: number | undefined;
  diagnostics: Diagnostic[];
}

export interface TypingOptions {
  workspace: string;
  file: string;
  text?: string;
  keystrokes: number;
  /** Where to type; by default the end of a text value near the middle of the file. */
  at?: { line: number; character: number };
}

/** Typed into a text value: letters and spaces only, so the document stays valid YAML. */
const TYPED = ' and the payouts team signs off every quarter within budget';

/**
 * A fresh server opens one charter, then `keystrokes` one-character edits are typed into it, each
 * waiting for the diagnostics of its version (a publish without a version, as yaml-language-server
 * sends, answers the edit before it).
 */
export async function typingSession(spec: ServerSpec, o: TypingOptions): Promise<TypingResult> {
  const { session } = await LspSession.start(spec, o.workspace);
  const startRssMiB = session.rssMiB();
  try {
    const text = o.text ?? fs.readFileSync(o.file, 'utf8');
    const uri = pathToFileURL(o.file).href;
    const opened = await session.open(uri, text);
    const at = o.at ?? typingPosition(text);
    const chars = TYPED.repeat(Math.ceil(o.keystrokes / TYPED.length)).slice(0, o.keystrokes);
    const keystrokes = await session.type(uri, at.line, at.character, chars);
    return { openMs: opened.ms, keystrokes, p50: median(keystrokes), p95: percentile(keystrokes, 95), peakRssMiB: session.peakRssMiB(), startRssMiB, diagnostics: opened.diagnostics };
  } finally {
    await session.close();
  }
}

/** Where to type: the end of a text value nearest the middle of the file (a member's name, a purpose…). */
export function typingPosition(text: string): { line: number; character: number } {
  const lines = text.split('\n');
  const mid = Math.floor(lines.length / 2);
  for (let d = 0; d < lines.length; d++) {
    for (const i of [mid + d, mid - d]) {
      if (/^\s+(?:- )?(name|purpose|description|mitigation|title): [A-Za-z]/.test(lines[i] ?? '')) return { line: i, character: lines[i].length };
    }
  }
  return { line: 0, character: lines[0].length };
}

/** Spawn → initialize reply, without opening anything. */
export async function startOnly(spec: ServerSpec, workspace: string): Promise<number> {
  const { session, initializeMs } = await LspSession.start(spec, workspace, { quietMs: 0 });
  await session.close();
  return initializeMs;
}
