// Where each document's settings come from. Layers, later wins: defaults ← initializationOptions
// ← the last pushed didChangeConfiguration ← workspace/configuration for the document (pulled
// only when the client advertises `workspace.configuration`; sections it lacks come back null).
import { MessageType, ShowMessageNotification } from 'vscode-languageserver/node';
import type { Connection } from 'vscode-languageserver/node';
import { checkConfig } from '../engine/config';
import { rules } from '../lint';
import { SETTINGS_SECTION } from './protocol';
import { layerSettings, parseSettings, sectionOf } from './settings';
import type { Settings } from './settings';

export class SettingsStore {
  private initial: Partial<Settings> | undefined;
  private pushed: Partial<Settings> | undefined;
  private readonly pulled = new Map<string, Promise<Partial<Settings> | undefined>>();
  private readonly reported = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly canPull: boolean,
  ) {}

  setInitializationOptions(options: unknown): void {
    this.initial = this.read(sectionOf(options));
  }

  /** A didChangeConfiguration arrived: take what it carries (if anything) and forget pulled values. */
  onDidChange(payload: unknown): void {
    const section = sectionOf(payload);
    if (section !== undefined) this.pushed = this.read(section);
    this.pulled.clear();
  }

  async forDocument(uri: string): Promise<Settings> {
    if (!this.canPull) return layerSettings(this.initial, this.pushed);
    let pull = this.pulled.get(uri);
    if (!pull) {
      pull = this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).then(
        (value: unknown) => this.read(value),
        () => undefined,
      );
      this.pulled.set(uri, pull);
    }
    return layerSettings(this.initial, this.pushed, await pull);
  }

  forget(uri: string): void {
    this.pulled.delete(uri);
  }

  private read(raw: unknown): Partial<Settings> | undefined {
    if (raw === undefined || raw === null) return undefined;
    const { settings, problems } = parseSettings(raw);
    if (settings.rules) problems.push(...checkConfig({ rules: settings.rules }, rules).map((p) => `teamCharter.rules: ${p}`));
    const message = problems.join('; ');
    if (message && !this.reported.has(message)) {
      this.reported.add(message);
      void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `Team Charter: ${message}. Those settings are ignored.` });
    }
    return settings;
  }
}
