import { createRequire as __prguardCreateRequire } from 'node:module';
const require = __prguardCreateRequire(import.meta.url);
var UsageError=class extends Error{name="UsageError"},PolicyError=class extends UsageError{constructor(problems){super(problems.map(p=>`${p.file}:${p.line}:${p.col}: ${p.message}`).join(`
`));this.problems=problems}name="PolicyError"};function describeFsError(err){let e=err;switch(e?.code){case"ENOENT":return"the file does not exist";case"EISDIR":return"it is a directory, not a file";case"ENOTDIR":return"a part of the path is not a directory";case"EACCES":case"EPERM":return"permission denied";default:return e?.message??String(err)}}export{UsageError,PolicyError,describeFsError};
