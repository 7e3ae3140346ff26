// npm run bench:provenance — recall of AI provenance per agent on the AIDev-pop agent PRs and false
// positives on the pre-2022 human commits (../shared/datasets, see its README), measured on what
// `prguard check --diff MAILBOX --pr-title T --pr-body FILE` reports (see bench/mailbox.ts: each PR
// becomes a format-patch mailbox and flag values, read by the command's own source and evaluation).
// Baseline, in the same run: only the `Co-authored-by:` trailers of commits, what a grep for AI
// co-authors finds. "commits only" is the same run without --pr-title/--pr-body (a pre-push run).
import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { parseTrailers } from '../src/diff/trailers.ts';
import { matchIdentity, parsePerson } from '../src/provenance/identity.ts';
import { SIGNATURES } from '../src/provenance/signatures.ts';
import { CliRunner, loginPerson, type MailCommit, person, pooled } from './mailbox.ts';

const DATASETS = process.env.PRGUARD_DATASETS ?? path.resolve(import.meta.dirname, '../../shared/datasets');
const AGENT_PRS = path.join(DATASETS, 'aidev-pop/aidev-pop.jsonl.gz');
const HUMAN_COMMITS = path.join(DATASETS, 'human-commits/human-pre2022-commits.jsonl.gz');

/** Dataset label -> registry agent name. */
const LABELS: Record<string, string> = {
  Claude_Code: 'Claude Code',
  Copilot: 'GitHub Copilot',
  Cursor: 'Cursor',
  Devin: 'Devin',
  OpenAI_Codex: 'OpenAI Codex',
};

interface AgentRow {
  agent: string;
  html_url: string;
  title: string;
  body: string | null;
  user: string;
  commits: { sha: string; author: string; committer: string; message: string }[];
}

interface HumanRow {
  repo: string;
  sha: string;
  author_name: string;
  author_email: string;
  committer_name: string;
  committer_email: string;
  message: string;
}

async function* readJsonl<T>(file: string): AsyncGenerator<T> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) if (line.trim()) yield JSON.parse(line) as T;
}


/** The dataset has logins only (no names, e-mails or head branch): a login is written as its GitHub noreply address. */
function commitsOfAgentPr(row: AgentRow): MailCommit[] {
  return row.commits.map((c) => ({ sha: c.sha, from: loginPerson(c.author), message: c.message ?? '' }));
}

function commitOfHuman(row: HumanRow): MailCommit {
  return { sha: row.sha, from: person(row.author_name, row.author_email), message: row.message };
}

/** The baseline, a grep for AI co-authors: the `Co-authored-by:` trailers of git's trailer block, matched to the agent. */
function baselineFinds(row: AgentRow, agent: string): boolean {
  const sig = SIGNATURES.find((s) => s.agent === agent);
  if (!sig) return false;
  return row.commits.some((c) =>
    parseTrailers(c.message ?? '').some((t) => t.key.toLowerCase() === 'co-authored-by' && matchIdentity(parsePerson(t.value), sig) !== null),
  );
}

interface Tally {
  n: number;
  detected: number;
  anyAi: number;
  /** Found from the commits alone (what a pre-push run without PR metadata sees). */
  commitsOnly: number;
  baseline: number;
  signals: Map<string, number>;
  only: Map<string, number>;
  /** PRs whose body has the `## Summary` + `## Testing` layout Codex writes (a style, not evidence). */
  styled: number;
  styledMissed: number;
}

const CODEX_STYLE = /^## Summary\b[\s\S]*^## Testing\b/m;

async function main(): Promise<void> {
  for (const file of [AGENT_PRS, HUMAN_COMMITS]) {
    if (!existsSync(file)) {
      console.error(`Dataset not found: ${file}. Set PRGUARD_DATASETS to the folder that holds aidev-pop/ and human-commits/.`);
      process.exit(2);
    }
  }
  const tallies = new Map<string, Tally>();
  const cli = new CliRunner();
  const started = performance.now();
  const runs = pooled(readJsonl<AgentRow>(AGENT_PRS), 16, async (row) => ({
    withPr: await cli.check(commitsOfAgentPr(row), { title: row.title, body: row.body }),
    commitsOnly: await cli.check(commitsOfAgentPr(row)),
  }));
  for await (const [row, { withPr, commitsOnly }] of runs) {
    const want = LABELS[row.agent] ?? row.agent;
    let t = tallies.get(row.agent);
    if (!t) tallies.set(row.agent, (t = { n: 0, detected: 0, anyAi: 0, commitsOnly: 0, baseline: 0, signals: new Map(), only: new Map(), styled: 0, styledMissed: 0 }));
    t.n++;
    if (withPr.ai.assisted) t.anyAi++;
    if (baselineFinds(row, want)) t.baseline++;
    if (commitsOnly.ai.agents.includes(want)) t.commitsOnly++;
    const mine = withPr.ai.evidence.filter((e) => e.agent === want);
    const styled = CODEX_STYLE.test(row.body ?? '');
    if (styled) t.styled++;
    if (styled && mine.length === 0) t.styledMissed++;
    if (mine.length === 0) continue;
    t.detected++;
    const kinds = new Set(mine.map((e) => e.signal));
    for (const k of kinds) t.signals.set(k, (t.signals.get(k) ?? 0) + 1);
    if (kinds.size === 1) {
      const [k] = kinds;
      t.only.set(k!, (t.only.get(k!) ?? 0) + 1);
    }
  }
  const agentMs = performance.now() - started;

  let humans = 0;
  const falsePositives: string[] = [];
  const humanRuns = pooled(readJsonl<HumanRow>(HUMAN_COMMITS), 16, (row) => cli.check([commitOfHuman(row)]));
  for await (const [row, report] of humanRuns) {
    humans++;
    if (report.ai.assisted) {
      const e = report.ai.evidence[0]!;
      falsePositives.push(`${row.repo}@${row.sha.slice(0, 7)}: ${e.agent} via ${e.signal} (${e.where}): ${e.text}`);
    }
  }
  cli.close();

  const pct = (a: number, b: number) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);
  const rows = [...tallies.entries()].sort((a, b) => b[1].n - a[1].n);
  console.log('Provenance detector on AIDev-pop agent PRs (recall = labelled agent found)\n');
  console.log('| agent | N | detected | recall | any AI | commits only | baseline (co-author trailers) | ratio | signals carrying detections (PRs; alone) |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---|');
  let total = 0;
  let totalDetected = 0;
  let totalBaseline = 0;
  for (const [label, t] of rows) {
    total += t.n;
    totalDetected += t.detected;
    totalBaseline += t.baseline;
    const signals = [...t.signals.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v}${t.only.get(k) ? `; ${t.only.get(k)} alone` : ''}`)
      .join(', ');
    const ratio = t.baseline === 0 ? 'n/a' : `${(t.detected / t.baseline).toFixed(2)}x`;
    console.log(`| ${label} | ${t.n} | ${t.detected} | ${pct(t.detected, t.n)} | ${pct(t.anyAi, t.n)} | ${pct(t.commitsOnly, t.n)} | ${pct(t.baseline, t.n)} | ${ratio} | ${signals} |`);
  }
  const ratio = totalBaseline === 0 ? 'n/a' : `${(totalDetected / totalBaseline).toFixed(2)}x`;
  console.log(`| all | ${total} | ${totalDetected} | ${pct(totalDetected, total)} | | | ${pct(totalBaseline, total)} | ${ratio} | |`);
  console.log('\nNot used as evidence: the `## Summary` + `## Testing` body layout Codex writes. Humans and other');
  console.log('agents write it too, so it would attribute their PRs to Codex:');
  for (const [label, t] of rows) {
    console.log(`  ${label}: ${pct(t.styled, t.n)} of PRs have it; it would add ${t.styledMissed} PRs this detector does not attribute to ${LABELS[label] ?? label}`);
  }
  console.log(`\nFalse positives on pre-2022 human commits: ${falsePositives.length} of ${humans} (${pct(falsePositives.length, humans)})`);
  for (const fp of falsePositives.slice(0, 20)) console.log(`  FP ${fp}`);
  console.log(`\n(${total} PRs scanned in ${(agentMs / 1000).toFixed(1)} s)`);
}

await main();
