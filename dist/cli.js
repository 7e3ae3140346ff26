#!/usr/bin/env node
import { createRequire as __prguardCreateRequire } from 'node:module';
const require = __prguardCreateRequire(import.meta.url);
import nodeModule from"node:module";import v8 from"node:v8";try{nodeModule.enableCompileCache?.()}catch{}v8.setFlagsFromString("--interrupt-budget=300000");var{main}=await import("./cli-chunk-NF3Y2KWK.js");process.stdout.on("error",err=>{if(err.code!=="EPIPE")throw err;process.exit(process.exitCode??0)});process.exitCode=await main(process.argv.slice(2),{cwd:process.cwd(),env:process.env,stdout:t=>void process.stdout.write(t),stderr:t=>void process.stderr.write(t),isTTY:!!process.stdout.isTTY,stdin:process.stdin,stderrIsTTY:!!process.stderr.isTTY,onInterrupt:handler=>(process.once("SIGINT",handler),()=>void process.off("SIGINT",handler))});
