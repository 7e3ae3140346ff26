import { createRequire as __prguardCreateRequire } from 'node:module';
const require = __prguardCreateRequire(import.meta.url);
import{policyFromText}from"./cli-chunk-7CJO65QJ.js";import"./cli-chunk-IS6I2RHL.js";import"./cli-chunk-6UBQ2TBH.js";import"./cli-chunk-OG6EESDH.js";import"./cli-chunk-LPTKZPQO.js";import"./cli-chunk-RSI2RALD.js";export{policyFromText};
