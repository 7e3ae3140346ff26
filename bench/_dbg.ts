import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { CliRunner, loginPerson } from './mailbox.ts';
const want = process.argv[2]!; const label = process.argv[3]!;
const cli = new CliRunner();
const lines = createInterface({ input: createReadStream('/work/shared/datasets/aidev-pop/aidev-pop.jsonl.gz').pipe(createGunzip()) });
for await (const line of lines) {
  const row = JSON.parse(line);
  if (row.agent !== want) continue;
  const r = await cli.check(row.commits.map((c: any) => ({ sha: c.sha, from: loginPerson(c.author), message: c.message ?? '' })), { title: row.title, body: row.body });
  if (r.ai.agents.includes(label)) continue;
  console.log('=====', row.html_url, row.user, JSON.stringify(r.ai.agents));
  const grepped = [row.body ?? '', ...row.commits.map((c: any) => c.message)].join('\n====\n').split('\n').map((l: string, i: number) => `${i}: ${l}`).filter((l: string) => /claude|co-author|devin|generated/i.test(l));
  console.log(grepped.slice(0, 12).join('\n'));
}
cli.close();
