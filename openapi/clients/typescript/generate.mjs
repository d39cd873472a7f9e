// Writes src/schema.d.ts from the OpenAPI document with the pinned openapi-typescript (its Node API,
// for two transforms the CLI lacks). Run by openapi/clients/generate.py (`make clients`).
//
//   node generate.mjs ../../openapi.json src/schema.d.ts
//
// - A file (`format: binary`) is a Blob: what a FormData takes and what `parseAs: "blob"` returns.
// - An open enum, `anyOf: [{$ref: <enum>}, {type: string}]` (Problem.code: the ProblemCode values
//   today, any string tomorrow), is `<enum> | (string & {})`: editors still offer the known values,
//   and an unknown code type-checks (a plain `| string` would swallow the enum).
// - A property with a default stays optional (`defaultNonNullable: false`): a component is both a
//   request body and an answer, and a request may leave out what has a default (`scope` of the
//   password flow); the server's answers always carry such properties.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import openapiTS, { astToString, COMMENT_HEADER, oapiRef } from "openapi-typescript";

const [, , input, output] = process.argv;
if (!input || !output) {
  console.error("usage: node generate.mjs <openapi.json> <schema.d.ts>");
  process.exit(2);
}

const BLOB = ts.factory.createTypeReferenceNode(ts.factory.createIdentifier("Blob"));
const NULL = ts.factory.createLiteralTypeNode(ts.factory.createNull());
const ANY_STRING = ts.factory.createIntersectionTypeNode([
  ts.factory.createKeywordTypeNode(ts.SyntaxKind.StringKeyword),
  ts.factory.createTypeLiteralNode([]),
]);

function isPlainString(schema) {
  return schema && schema.type === "string" && Object.keys(schema).every((k) => k === "type");
}

const document = JSON.parse(fs.readFileSync(input, "utf8"));
const ast = await openapiTS(document, {
  defaultNonNullable: false,
  transform(schema) {
    if (schema.format === "binary") {
      const nullable = Array.isArray(schema.type) && schema.type.includes("null");
      return nullable ? ts.factory.createUnionTypeNode([BLOB, NULL]) : BLOB;
    }
    const variants = schema.anyOf;
    if (Array.isArray(variants) && variants.length === 2 && variants[0].$ref && isPlainString(variants[1])) {
      return ts.factory.createUnionTypeNode([oapiRef(variants[0].$ref), ANY_STRING]);
    }
    return undefined;
  },
});
fs.mkdirSync(path.dirname(output), { recursive: true });
fs.writeFileSync(output, COMMENT_HEADER + astToString(ast));
