import { createRequire as __prguardCreateRequire } from 'node:module';
const require = __prguardCreateRequire(import.meta.url);
import{policyFromText}from"./cli-chunk-WCYZ4NEY.js";import"./cli-chunk-5U3GIIE3.js";import"./cli-chunk-FGO33E2U.js";import"./cli-chunk-OG6EESDH.js";import"./cli-chunk-LPTKZPQO.js";import"./cli-chunk-RSI2RALD.js";export{policyFromText};
