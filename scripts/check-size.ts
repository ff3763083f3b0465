/**
 * `npm run check:size`: no production file (src, handlers, jobs; not src/generated) over 400 lines, and no function
 * over 80 lines except the named data tables below. A function is counted whole, nested functions included: a
 * 300-line factory closure holding ten small functions is still one room with ten ideas in it.
 * Uses the TypeScript compiler the project already has to find functions, so an arrow function in an object
 * literal counts as much as a declaration.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

const ROOTS = ["src", "handlers", "jobs"];
const GENERATED = "src/generated/";
const MAX_FILE_LINES = 400;
const MAX_FUNCTION_LINES = 80;

/**
 * Functions that are data tables, not logic: their length is the length of the table. Keyed "file:function".
 * None today: the catalogue (src/i18n) and the parser's word lists are object literals, not functions.
 */
const DATA_TABLES = new Set<string>([]);

interface Finding {
  file: string;
  line: number;
  what: string;
}

function productionFiles(root: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) files.push(...productionFiles(path));
    else if (/\.(ts|mts)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) files.push(path);
  }
  return files;
}

/** The name a function is known by: its own, or the variable, property or method it is assigned to. */
function functionName(node: ts.Node): string {
  const named = node as { name?: ts.Node };
  if (named.name && ts.isIdentifier(named.name)) return named.name.text;
  const parent = node.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) && ts.isIdentifier(parent.name)) {
    return parent.name.text;
  }
  return "(anonymous)";
}

function longFunctions(file: string, source: ts.SourceFile): Finding[] {
  const found: Finding[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && "body" in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      const name = functionName(node);
      const key = `${file}:${name}`;
      if (lines > MAX_FUNCTION_LINES && !DATA_TABLES.has(key)) {
        found.push({ file, line: start + 1, what: `function ${name} has ${lines} lines (max ${MAX_FUNCTION_LINES})` });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function check(file: string): Finding[] {
  if (file.startsWith(GENERATED)) return [];
  const text = readFileSync(file, "utf8");
  const lines = text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
  const findings: Finding[] = [];
  if (lines > MAX_FILE_LINES) findings.push({ file, line: 1, what: `${lines} lines (max ${MAX_FILE_LINES})` });
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  return [...findings, ...longFunctions(file, source)];
}

const files = ROOTS.flatMap((root) => productionFiles(root)).map((file) => relative(".", file).replaceAll("\\", "/"));
const findings = files.flatMap(check);
for (const finding of findings) console.error(`${finding.file}:${finding.line}: ${finding.what}`);
if (findings.length > 0) {
  console.error(`check:size: ${findings.length} over the limit. Split the file or the function by idea.`);
  process.exit(1);
}
console.log(`check:size: ${files.length} files within ${MAX_FILE_LINES} lines, functions within ${MAX_FUNCTION_LINES}`);
