import { createRequire as __prguardCreateRequire } from 'node:module';
const require = __prguardCreateRequire(import.meta.url);
import{policyFromText}from"./cli-chunk-G56IMRBP.js";import"./cli-chunk-UJE5DUQG.js";import"./cli-chunk-LPSBH4SK.js";import"./cli-chunk-OG6EESDH.js";import"./cli-chunk-LPTKZPQO.js";import"./cli-chunk-RSI2RALD.js";export{policyFromText};
