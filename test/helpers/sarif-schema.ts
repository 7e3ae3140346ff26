// The SARIF 2.1.0 JSON schema, as shipped by Microsoft's @microsoft/jest-sarif
// (lib/schemas/sarif-2.1.0-rtm.5.json, a draft-04 schema), compiled with ajv.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';

const require = createRequire(import.meta.url);
const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as object;
// The schema's `language` pattern is not valid with the u flag, hence unicodeRegExp: false.
const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
ajvFormats.default(ajv);

export const validateSarif = ajv.compile(schema);
