// An agent's identity, tool name or footer that reads on GitHub as the agent's own is the agent's:
// a zero-width character, a fullwidth or a Cyrillic look-alike letter, an upper-case address or a
// sub-address (`noreply+x@…`) does not hide it. A person's own name in another script stays a person.
import { describe, expect, it } from 'vitest';
import { detectAgents } from '../../src/provenance/detect.ts';
import { aiDisclosure } from '../../rules/ai-disclosure/index.ts';
import { run } from '../rules/helpers.ts';
import { change, commit } from './fixtures.ts';

const SHA = 'abcdef0123456789abcdef0123456789abcdef01';
const detect = (message: string, parts: Parameters<typeof commit>[1] = {}) => detectAgents(change({ commits: [commit(message, { sha: SHA, ...parts })] }));

describe('identities and footers written with look-alike or invisible characters', () => {
  it.each([
    ['a zero-width space in the address', 'Co-authored-by: Claude <nore\u200bply@anthropic.com>', 'co-authored-by'],
    ['a Cyrillic С and а in name and address', 'Co-authored-by: \u0421laude <noreply@\u0430nthropic.com>', 'co-authored-by'],
    ['a fullwidth name and address', 'Co-authored-by: \uff23\uff4c\uff41\uff55\uff44\uff45 <\uff4e\uff4f\uff52\uff45\uff50\uff4c\uff59@anthropic.com>', 'co-authored-by'],
    ['a bare name with a zero-width joiner', 'Co-authored-by: Cla\u200dude', 'co-authored-by'],
    ['a sub-address', 'Co-authored-by: Claude <noreply+pr-42@anthropic.com>', 'co-authored-by'],
    ['an upper-case address', 'Co-authored-by: Claude <NoReply@Anthropic.COM>', 'co-authored-by'],
    ['the footer with a Cyrillic С', '\ud83e\udd16 Generated with [\u0421laude Code](https://claude.ai/code)', 'commit-message'],
    ['the footer with a zero-width space', '\ud83e\udd16 Generated with [Claude\u200b Code](https://claude.ai/code)', 'commit-message'],
    ['an Assisted-by tool with a Cyrillic С', 'Assisted-by: \u0421laude:claude-opus-4-5', 'assisted-by'],
  ])('%s is Claude Code', (_name, line, signal) => {
    const d = detect(`Add export\n\n${line}`);
    expect(d.agents).toEqual(['Claude Code']);
    expect(d.evidence[0]).toMatchObject({ signal, where: 'commit abcdef0 line 3' });
  });

  it('a commit author written with look-alikes is the agent', () => {
    const d = detect('Add flag', { author: { name: 'agent', email: 'cursoragent@curs\u043er.com' } });
    expect(d.evidence[0]).toMatchObject({ agent: 'Cursor', signal: 'commit-author' });
  });

  it('an agent signing off under a sub-address is still an agent sign-off', () => {
    const c = change({ commits: [commit('Add flag\n\nSigned-off-by: agent <cursoragent+1@cursor.com>')] });
    expect(run(aiDisclosure, c).map((v) => v.messageId)).toContain('agentSignOff');
  });

  it.each([
    ['a person named Claude in Cyrillic', 'Co-authored-by: \u041a\u043b\u043e\u0434 <klod@example.ru>'],
    ['a person named Claude with an address of their own', 'Co-authored-by: Claude Dupont <claude+work@example.fr>'],
    ['someone else at the agent company, sub-addressed', 'Co-authored-by: Sam <sam+noreply@anthropic.com>'],
  ])('%s is not an agent', (_name, line) => {
    expect(detect(`Add export\n\n${line}`).agents).toEqual([]);
  });
});
