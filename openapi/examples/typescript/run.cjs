// Runs the TypeScript journeys against a server (Node 20 runs no TypeScript: each .ts file is
// transpiled to CommonJS as it is required, without a type check; `tsc --noEmit` does that):
//
//   node openapi/examples/typescript/run.cjs http://127.0.0.1:8000     (after npm ci in the client)
//
// Prints what the journeys answered, as JSON; exits 1 when a step fails.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const CLIENT = path.resolve(__dirname, "../../clients/typescript");
const ts = require(path.join(CLIENT, "node_modules", "typescript"));

require.extensions[".ts"] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, "utf8"), {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  module._compile(outputText, filename);
};

async function main(baseUrl) {
  const { citizenJourney } = require("./citizen.ts");
  const { officerJourney } = require("./officer.ts");
  return { citizen: await citizenJourney(baseUrl), officer: await officerJourney(baseUrl) };
}

main(process.argv[2] || "http://127.0.0.1:8000").then(
  (answers) => console.log(JSON.stringify(answers)),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
