// CODEOWNERS path semantics now live in the rule kit (review-quorum reads CODEOWNERS too).
export { compilePattern, lastMatch, patternGlobs, patternProblem, type CompiledPattern } from '../../src/rule-kit/codeowners.ts';
