// Real webhook payloads (@octokit/webhooks-examples) for the humans in the loop, altered per test:
// pull_request_review, issue_comment on a PR, merge_group checks_requested.
import { createRequire } from 'node:module';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

function example(name: string, action: string): Json {
  const require = createRequire(import.meta.url);
  const groups = require('@octokit/webhooks-examples') as { name: string; examples: Json[] }[];
  const found = groups.find((g) => g.name === name)!.examples.find((e) => e.action === action);
  if (!found) throw new Error(`no ${name} ${action} example`);
  return structuredClone(found);
}

/** `pull_request_review` (`submitted`, `dismissed`) for the scenario's pull request event. */
export function reviewEvent(pullEvent: Json, action: 'submitted' | 'dismissed' = 'submitted', login = 'bob'): Json {
  const event = example('pull_request_review', action);
  event.pull_request = { ...event.pull_request, ...pullEvent.pull_request };
  event.repository = pullEvent.repository;
  event.review.user = { ...event.review.user, login };
  event.review.commit_id = pullEvent.pull_request.head.sha;
  return event;
}

/** `issue_comment` on the scenario's pull request (the example is on an issue: it gets `pull_request`). */
export function commentEvent(pullEvent: Json, body: string, login = 'lead', action: 'created' | 'edited' | 'deleted' = 'created'): Json {
  const event = example('issue_comment', action);
  event.repository = pullEvent.repository;
  event.issue.number = pullEvent.pull_request.number;
  event.issue.pull_request = {
    url: `https://api.github.com/repos/${pullEvent.repository.full_name}/pulls/${pullEvent.pull_request.number}`,
    html_url: `https://github.com/${pullEvent.repository.full_name}/pull/${pullEvent.pull_request.number}`,
  };
  event.comment.body = body;
  event.comment.user = { ...event.comment.user, login };
  return event;
}

/** `merge_group` `checks_requested` for the queue entry of `number`, from `base` to `head`. */
export function mergeGroupEvent(pullEvent: Json, number: number, base: string, head: string): Json {
  const event = example('merge_group', 'checks_requested');
  event.repository = pullEvent.repository;
  event.merge_group.base_sha = base;
  event.merge_group.head_sha = head;
  event.merge_group.head_ref = `refs/heads/gh-readonly-queue/main/pr-${number}-${'9'.repeat(40)}`;
  return event;
}
