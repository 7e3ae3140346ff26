// The Action's inputs (action.yml), read and checked.
import * as core from '@actions/core';
import { UsageError } from '../errors.ts';
import type { FailOn } from './payloads.ts';

export interface ActionInputs {
  token: string;
  /** A token that can read org team membership (members: read), for team owners and waivers. */
  ownersToken: string | undefined;
  policy: string | undefined;
  failOn: FailOn;
  checkName: string;
  comment: boolean;
  sarifFile: string | undefined;
  /** Time limit of one API request attempt, in milliseconds (`request-timeout`, in seconds). */
  requestTimeoutMs: number;
}

const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'never'];

function bool(name: string, value: string): boolean {
  const v = value.trim().toLowerCase();
  if (v === '' || v === 'false') return false;
  if (v === 'true') return true;
  throw new UsageError(`the \`${name}\` input takes true or false, not "${value}"`);
}

/** `request-timeout`: seconds (decimals allowed), from 0.1 to 600; default 30. */
function timeoutMs(value: string): number {
  if (value.trim() === '') return 30_000;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0.1 || seconds > 600) {
    throw new UsageError(`the \`request-timeout\` input takes seconds from 0.1 to 600, not "${value}"`);
  }
  return Math.round(seconds * 1000);
}

/** `check-name`: one line of text (it names two check runs and the sticky comment's marker). */
function checkName(value: string): string {
  if (value === '') return 'prguard';
  if (/[\u0000-\u001f\u007f]/.test(value)) {
    throw new UsageError(`the \`check-name\` input takes one line of text, not ${JSON.stringify(value).slice(0, 80)}`);
  }
  return value;
}

/**
 * `policy`: a path inside the repository, read at the base commit. An absolute path, a backslash
 * or a `..` step names no file of the repository (and would be sent as is in a contents request).
 */
function policyPath(value: string): string | undefined {
  const path = value.trim();
  if (path === '') return undefined;
  const steps = path.replace(/^(\.\/)+/, '').split('/');
  if (path.startsWith('/') || /[\\\u0000-\u001f]/.test(path) || steps.some((s) => s === '' || s === '.' || s === '..')) {
    throw new UsageError(
      `the \`policy\` input takes a file path inside the repository, such as .github/prguard.yml (read at the base commit), not ${JSON.stringify(value).slice(0, 80)}`,
    );
  }
  return path;
}

export function readInputs(): ActionInputs {
  const token = core.getInput('token');
  if (!token) {
    throw new UsageError('the `token` input is empty: pass `token: ${{ github.token }}` (the default) or a token with checks: write.');
  }
  core.setSecret(token);
  const failOn = (core.getInput('fail-on') || 'error') as FailOn;
  if (!FAIL_ON.includes(failOn)) {
    throw new UsageError(`the \`fail-on\` input takes error, warning or never, not "${failOn}"`);
  }
  const ownersToken = core.getInput('owners-token') || undefined;
  if (ownersToken) core.setSecret(ownersToken);
  return {
    token,
    ownersToken,
    policy: policyPath(core.getInput('policy')),
    failOn,
    checkName: checkName(core.getInput('check-name')),
    comment: bool('comment', core.getInput('comment')),
    sarifFile: core.getInput('sarif-file') || undefined,
    requestTimeoutMs: timeoutMs(core.getInput('request-timeout')),
  };
}
