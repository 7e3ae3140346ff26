import { createRequire as __prguardCreateRequire } from 'node:module';
const require = __prguardCreateRequire(import.meta.url);
import{policyFromText}from"./cli-chunk-6FBA5BQD.js";import"./cli-chunk-W7PQZR66.js";import"./cli-chunk-QJC5CXXE.js";import"./cli-chunk-TKU5HBNV.js";import"./cli-chunk-RSI2RALD.js";export{policyFromText};
