// tests-touched: RSpec and Minitest assertions replaced in place by weaker ones on the same subject
// (`.to eq(2)` → `.to be_truthy`, `raise_error(Foo)` → `raise_error`, `assert_equal` → `assert`), and
// the renames and rewrites that check as much (`eq` → `eql`, `raise_error` → `raise_exception`).
import { describe, expect, it } from 'vitest';
import { testsTouched } from '../../rules/tests-touched/index.ts';
import { change, file } from '../helpers/change.ts';
import { runRule } from '../helpers/rules.ts';

const found = (path: string, deleted: string[], added: string[]) =>
  runRule(testsTouched, change({ files: [file(path, { deleted, added, startLine: 7 })] }))
    .filter((v) => v.messageId === 'assertionLoosened')
    .map((v) => ({ at: `${v.path}:${v.line}`, message: v.message }));

const SPEC = 'spec/cart_spec.rb';
const MINITEST = 'test/cart_test.rb';

describe('Ruby assertions loosened in place', () => {
  it.each([
    [SPEC, 'expect(cart.total).to eq(2)', 'expect(cart.total).to be_truthy'],
    [SPEC, 'expect(cart.total).to eq 2', 'expect(cart.total).to be_present'],
    [SPEC, 'expect(cart.find(1)).to eq(item)', 'expect(cart.find(1)).not_to be_nil'],
    [SPEC, 'expect(cart.find(1)).to eql(item)', 'expect(cart.find(1)).to_not be nil'],
    [SPEC, 'expect(cart.items).to contain_exactly(a, b)', 'expect(cart.items).not_to be_empty'],
    [SPEC, 'expect(cart.items.size).to eq(2)', 'expect(cart.items.size).to be > 0'],
    [SPEC, 'expect(cart.paid?).to be(true)', 'expect(cart.paid?).to be_truthy'],
    [SPEC, 'expect(cart.find(9)).to be_nil', 'expect(cart.find(9)).to be_falsey'],
    [SPEC, 'expect { Cart.new(nil) }.to raise_error(ArgumentError)', 'expect { Cart.new(nil) }.to raise_error'],
    [SPEC, 'expect { Cart.new(-1) }.to raise_error(ArgumentError, /negative/)', 'expect { Cart.new(-1) }.to raise_error(ArgumentError)'],
    [SPEC, 'expect { Cart.new(nil) }.to raise_error(ArgumentError)', 'expect { Cart.new(nil) }.to raise_error(StandardError)'],
    [SPEC, 'expect { cart.add(item) }.to change { cart.items.count }.by(1)', 'expect { cart.add(item) }.to change { cart.items.count }'],
    [SPEC, 'expect(mailer).to receive(:deliver).with(user)', 'expect(mailer).to receive(:deliver)'],
    [SPEC, 'expect(mailer).to have_received(:deliver).once', 'expect(mailer).to have_received(:deliver)'],
    [SPEC, 'it { is_expected.to eq(3) }', 'it { is_expected.to be_truthy }'],
    [SPEC, 'its(:total) { should eq 3 }', 'its(:total) { should be_present }'],
    [SPEC, 'cart.total.should == 3', 'cart.total.should_not be_nil'],
    [MINITEST, 'assert_equal 3, cart.total', 'assert cart.total'],
    [MINITEST, 'assert_equal(3, cart.total)', 'refute_nil cart.total'],
    [MINITEST, 'assert_nil cart.find(9)', 'refute cart.find(9)'],
    [MINITEST, 'assert_raises(ArgumentError) { Cart.new(nil) }', 'assert_raises { Cart.new(nil) }'],
    [MINITEST, '_(cart.total).must_equal 3', '_(cart.total).wont_be_nil'],
    [MINITEST, '_ { Cart.new(nil) }.must_raise ArgumentError', '_ { Cart.new(nil) }.must_raise StandardError'],
  ])('%s: %s -> %s is reported', (path, before, after) => {
    const [v, ...rest] = found(path, [`    ${before}`], [`    ${after}`]);
    expect(rest).toEqual([]);
    expect(v!.at).toBe(`${path}:7`);
    expect(v!.message).toContain(`\`${after}\` replaces \`${before}\`, which this change deletes: it checks less about the same value`);
  });

  it.each([
    ['eq renamed eql', 'expect(cart.total).to eq(2)', 'expect(cart.total).to eql(2)'],
    ['be_truthy renamed be_present', 'expect(cart.total).to be_truthy', 'expect(cart.total).to be_present'],
    ['to_not renamed not_to', 'expect(cart.find(1)).to_not be_nil', 'expect(cart.find(1)).not_to be_nil'],
    ['raise_error renamed raise_exception', 'expect { Cart.new(nil) }.to raise_error(ArgumentError)', 'expect { Cart.new(nil) }.to raise_exception(ArgumentError)'],
    ['contain_exactly renamed match_array', 'expect(cart.items).to contain_exactly(a, b)', 'expect(cart.items).to match_array([a, b])'],
    ['should made is_expected', 'it { should eq 3 }', 'it { is_expected.to eq 3 }'],
    ['a stricter matcher', 'expect(cart.total).to be_truthy', 'expect(cart.total).to eq(2)'],
    ['another exact value', 'expect(cart.total).to eq(2)', 'expect(cart.total).to eq(3)'],
    ['another specific error', 'expect { Cart.new(nil) }.to raise_error(ArgumentError)', 'expect { Cart.new(nil) }.to raise_error(TypeError)'],
    ['a weaker check of another subject', 'expect(cart.total).to eq(2)', 'expect(other).to be_truthy'],
    ['a weaker check of another attribute', 'its(:evaluator_class) { should eq Evaluator }', 'its(:attributes) { should be_an_instance_of(AttributeList) }'],
    ['a negated exact value', 'expect(cart.total).not_to eq(2)', 'expect(cart.total).to be_truthy'],
    ['Minitest assert_equal made a spec expectation', 'assert_equal 3, cart.total', '_(cart.total).must_equal 3'],
    ['a comment', 'expect(cart.total).to eq(2)', '# expect(cart.total).to be_truthy'],
  ])('%s is not', (_, before, after) => {
    expect(found(SPEC, [`    ${before}`], [`    ${after}`])).toEqual([]);
  });

  it('a chain continued after a trailing dot is read whole: `.with(…)` moved to the next line is no loosening', () => {
    const before = ['    expect(FactoryBot::Sequence).to have_received(:new).with(:great)'];
    const after = ['    expect(FactoryBot::Sequence).to have_received(:new).', '      with(:great)'];
    expect(found(SPEC, before, after)).toEqual([]);
  });
});
