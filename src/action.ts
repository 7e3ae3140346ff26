// The GitHub Action's entry (action.yml -> dist/action.js): everything is in src/github/.
import { runAction } from './github/run.ts';

await runAction(process.env);
