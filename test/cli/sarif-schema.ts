// The SARIF 2.1.0 schema (from @microsoft/jest-sarif), compiled once for every test that checks a log.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import { ROOT } from './cli-helpers';

const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
// The three formats the SARIF schema uses, checked strictly (ajv-formats is not installed).
const URI_CHARS = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;
const ajv = new Ajv({ allErrors: true, strict: false, logger: false, unicodeRegExp: false })
  .addFormat('uri', (v: string) => URI_CHARS.test(v) && /^[a-z][a-z0-9+.-]*:/i.test(v))
  .addFormat('uri-reference', (v: string) => URI_CHARS.test(v))
  .addFormat('date-time', (v: string) => !Number.isNaN(Date.parse(v)));
const validate = ajv.compile(schema);

export function assertValidSarif(log: unknown): void {
  assert.ok(validate(log) === true, JSON.stringify(validate.errors, null, 2));
}
