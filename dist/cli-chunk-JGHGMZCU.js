import { createRequire as __prguardCreateRequire } from 'node:module';
const require = __prguardCreateRequire(import.meta.url);
var VERSION="0.1.0";export{VERSION};
