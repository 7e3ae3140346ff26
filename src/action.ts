// The GitHub Action's entry (action.yml -> dist/action.js): the composition root with every rule,
// and the runner's environment, handed to src/github/run.ts.
import { allRules } from '../rules/index.ts';
import { createApp } from './app.ts';
import { runAction } from './github/run.ts';

await runAction(process.env, createApp({ rules: allRules }));
