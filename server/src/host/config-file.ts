// A config file's text → a ConfigFile: parsed by the engine, checked against the rule registry
// (unknown ids, severities, options, ignore globs). Shared by every host; the file system is not here.
import { checkConfig, parseConfigText } from '../engine/config';
import { rules } from '../lint';
import type { ConfigFile } from './host';

export { CONFIG_FILE_NAMES } from '../engine/config';

export function configFromText(path: string, text: string, stamp: string): ConfigFile {
  try {
    const config = parseConfigText(text.replace(/^\uFEFF/, ''), path);
    return { path, config, problems: checkConfig(config, rules), stamp };
  } catch (e) {
    // parseConfigText names the file first; the front end names it in its own way.
    const message = String((e as Error).message).split('\n')[0];
    return { path, error: message.startsWith(path + ': ') ? message.slice(path.length + 2) : message, problems: [], stamp };
  }
}

export function unusableConfig(path: string, error: string, fatal = false): ConfigFile {
  return { path, error, ...(fatal ? { fatal } : {}), problems: [], stamp: `${path}!${error}` };
}
