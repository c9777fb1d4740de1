// Editor settings (section `teamCharter`): read from `workspace/configuration` when the client
// advertises it, else from pushed `workspace/didChangeConfiguration` payloads and
// `initializationOptions` (Neovim 0.7, Helix and Emacs often only push).
import type { CharterConfig, RuleSetting } from '../engine/model';
import { setOwn } from '../engine/config';
import { DEFAULT_MAX_FILE_SIZE } from '../lint';
import { SETTINGS_SECTION } from './protocol';


export interface Settings {
  enable: boolean;
  run: 'onType' | 'onSave';
  /** Severity overrides on top of the config file: `{ "owner-missing": "warning" }`. */
  rules: Record<string, RuleSetting>;
  maxFileSize: number;
  /** `teamCharter.codeLens.enable`: lenses above members and decisions. */
  codeLens: boolean;
  /** `teamCharter.organisation.enable`: organisation rules over the workspace's charter sets. */
  organisation: boolean;
}

export const DEFAULT_SETTINGS: Settings = { enable: true, run: 'onType', rules: {}, maxFileSize: DEFAULT_MAX_FILE_SIZE, codeLens: true, organisation: true };

export interface ParsedSettings {
  settings: Partial<Settings>;
  problems: string[];
}

/** Reads what a client sent; wrong types are reported and ignored, unknown keys are ignored. */
export function parseSettings(raw: unknown): ParsedSettings {
  const problems: string[] = [];
  const settings: Partial<Settings> = {};
  if (raw === null || raw === undefined) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { settings, problems: ['teamCharter settings must be an object'] };
  const r = raw as Record<string, unknown>;
  if (r.enable !== undefined && r.enable !== null) {
    if (typeof r.enable === 'boolean') settings.enable = r.enable;
    else problems.push('teamCharter.enable must be true or false');
  }
  if (r.run !== undefined && r.run !== null) {
    if (r.run === 'onType' || r.run === 'onSave') settings.run = r.run;
    else problems.push(`teamCharter.run must be "onType" or "onSave", not ${JSON.stringify(r.run)}`);
  }
  if (r.rules !== undefined && r.rules !== null) {
    if (typeof r.rules === 'object' && !Array.isArray(r.rules)) settings.rules = r.rules as Record<string, RuleSetting>;
    else problems.push('teamCharter.rules must be a map of rule id to severity');
  }
  if (r.maxFileSize !== undefined && r.maxFileSize !== null) {
    if (typeof r.maxFileSize === 'number' && r.maxFileSize >= 0 && Number.isFinite(r.maxFileSize)) settings.maxFileSize = r.maxFileSize;
    else problems.push(`teamCharter.maxFileSize must be a number of characters (0 or more), not ${JSON.stringify(r.maxFileSize)}`);
  }
  // VS Code sends `codeLens: { enable }`; a client configured by hand may send the dotted key.
  const codeLens = r.codeLens && typeof r.codeLens === 'object' ? (r.codeLens as Record<string, unknown>).enable : r['codeLens.enable'];
  if (codeLens !== undefined && codeLens !== null) {
    if (typeof codeLens === 'boolean') settings.codeLens = codeLens;
    else problems.push(`teamCharter.codeLens.enable must be true or false, not ${JSON.stringify(codeLens)}`);
  }
  const organisation = r.organisation && typeof r.organisation === 'object' ? (r.organisation as Record<string, unknown>).enable : r['organisation.enable'];
  if (organisation !== undefined && organisation !== null) {
    if (typeof organisation === 'boolean') settings.organisation = organisation;
    else problems.push(`teamCharter.organisation.enable must be true or false, not ${JSON.stringify(organisation)}`);
  }
  return { settings, problems };
}

/** Finds our section in a pushed payload: `{ teamCharter: {…} }`, or the section itself. */
export function sectionOf(payload: unknown): unknown {
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return undefined;
  const p = payload as Record<string, unknown>;
  if (SETTINGS_SECTION in p) return p[SETTINGS_SECTION];
  if ('settings' in p) return sectionOf(p.settings);
  const own = ['enable', 'run', 'rules', 'maxFileSize', 'codeLens', 'codeLens.enable', 'organisation', 'organisation.enable'];
  return Object.keys(p).some((k) => own.includes(k)) ? p : undefined;
}

/** Later layers win key by key; `rules` are merged rule by rule. */
export function layerSettings(...layers: Array<Partial<Settings> | undefined>): Settings {
  const out: Settings = { ...DEFAULT_SETTINGS, rules: {} };
  for (const layer of layers) {
    if (!layer) continue;
    if (layer.enable !== undefined) out.enable = layer.enable;
    if (layer.run !== undefined) out.run = layer.run;
    if (layer.maxFileSize !== undefined) out.maxFileSize = layer.maxFileSize;
    if (layer.codeLens !== undefined) out.codeLens = layer.codeLens;
    if (layer.organisation !== undefined) out.organisation = layer.organisation;
    if (layer.rules) out.rules = { ...out.rules, ...layer.rules };
  }
  return out;
}

/**
 * The config file with the editor's severity overrides on top. An override that is only a
 * severity keeps the options the file gave that rule (`[error, { minDays: 7 }]` + `warning`).
 */
export function applyRuleOverrides(file: CharterConfig | undefined, overrides: Record<string, RuleSetting>): CharterConfig {
  const fileRules = file?.rules && typeof file.rules === 'object' ? file.rules : {};
  const rules: Record<string, RuleSetting> = { ...fileRules };
  for (const [id, setting] of Object.entries(overrides)) {
    const current = Object.prototype.hasOwnProperty.call(fileRules, id) ? fileRules[id] : undefined;
    setOwn(rules, id, typeof setting === 'string' && Array.isArray(current) && current.length > 1 ? [setting, current[1]] : setting);
  }
  return { ...(file ?? {}), rules };
}
