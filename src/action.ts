// The GitHub Action's entry (action.yml -> dist/action.js): the composition root with every rule,
// and the runner's environment, handed to src/github/run.ts.
import { allRules } from '../rules/index.ts';
import { createApp } from './app.ts';
import { runAction } from './github/run.ts';

// runAction reports every failure through the Action itself (core.setFailed): it never rejects.
void runAction(process.env, createApp({ rules: allRules }));
