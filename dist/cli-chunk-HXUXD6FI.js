import { createRequire as __prguardCreateRequire } from 'node:module';
const require = __prguardCreateRequire(import.meta.url);
import{policyFromText}from"./cli-chunk-YH4ODKBB.js";import"./cli-chunk-YQOJTKYO.js";import"./cli-chunk-M73GJMFT.js";import"./cli-chunk-OG6EESDH.js";import"./cli-chunk-LPTKZPQO.js";import"./cli-chunk-RSI2RALD.js";export{policyFromText};
