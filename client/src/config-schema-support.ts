// Which kinds of `.charterrc.*` the editor checks with schemas/charterrc.schema.json itself: JSON
// always (VS Code's JSON language features read `jsonValidation`), YAML when Red Hat's YAML extension
// is installed (it reads `yamlValidation`), each unless its validation is turned off. The server then
// reports in those files only what the schema cannot express, so nothing is reported twice.
import * as vscode from 'vscode';

export interface ConfigFileSchema {
  json: boolean;
  yaml: boolean;
}

const JSON_EXTENSION = 'vscode.json-language-features';
const YAML_EXTENSION = 'redhat.vscode-yaml';

export function configFileSchema(): ConfigFileSchema {
  const on = (extension: string, setting: string) => vscode.extensions.getExtension(extension) !== undefined && vscode.workspace.getConfiguration().get<boolean>(setting, true) !== false;
  return { json: on(JSON_EXTENSION, 'json.validate.enable'), yaml: on(YAML_EXTENSION, 'yaml.validate') };
}

/** Calls `changed` with the new answer when an extension is installed or removed, or validation is switched. */
export function onDidChangeConfigFileSchema(changed: (schema: ConfigFileSchema) => void): vscode.Disposable {
  let last = JSON.stringify(configFileSchema());
  const check = () => {
    const now = configFileSchema();
    if (JSON.stringify(now) === last) return;
    last = JSON.stringify(now);
    changed(now);
  };
  return vscode.Disposable.from(
    vscode.extensions.onDidChange(check),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('json.validate.enable') || e.affectsConfiguration('yaml.validate')) check();
    }),
  );
}
