import { defineRule } from '../engine/rule';

export default defineRule({
  id: 'yaml-syntax',
  severity: 'error',
  description: 'YAML the parser rejects (duplicate keys, bad indentation, tabs, …)',
  check(ctx) {
    for (const e of ctx.model.syntaxErrors) {
      ctx.report({ at: [e.start, e.end], message: `${e.message.replace(/\.$/, '')}: the charter is not valid YAML here` });
    }
  },
});
