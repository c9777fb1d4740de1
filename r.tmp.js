const {analyze}=require('./out/server/src/lint.js');
const t=require('fs').readFileSync(process.argv[2],'utf8');
const a=analyze(t,{today:'2026-11-25'});
console.log(a.model.syntaxErrors, [...a.model.hiddenSections]);
for (const f of a.findings) if (f.range.start.line>180) console.log(f.range.start.line, f.rule, f.message.slice(0,100));
