import { createRequire as __prguardCreateRequire } from 'node:module';
const require = __prguardCreateRequire(import.meta.url);
import{policyFromText}from"./cli-chunk-RHM27KOO.js";import"./cli-chunk-QT3MH5IJ.js";import"./cli-chunk-JFLYNJ2D.js";import"./cli-chunk-OG6EESDH.js";import"./cli-chunk-LPTKZPQO.js";import"./cli-chunk-RSI2RALD.js";export{policyFromText};
