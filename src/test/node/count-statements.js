// Counts the statements of an RDF file, and how many of them are distinct, with N3.js: a parser
// written independently of Jena, to check what vaultgraph exports.
//
//   node src/test/node/count-statements.js N3_LIB_DIR FILE FORMAT
//
// N3_LIB_DIR is the lib/ folder of the npm package n3 (the build unpacks it to target/n3/lib);
// FORMAT is Turtle, TriG, N-Triples or N-Quads. Prints: statements=N distinct=M
'use strict';
const fs = require('fs');
const path = require('path');

const [libDir, file, format] = process.argv.slice(2);
if (!libDir || !file || !format) {
  console.error('usage: node count-statements.js N3_LIB_DIR FILE FORMAT');
  process.exit(2);
}
const Parser = require(path.resolve(libDir, 'N3Parser.js')).default;

const distinct = new Set();
let statements = 0;
const quads = new Parser({ format }).parse(fs.readFileSync(file, 'utf8'));
for (const q of quads) {
  statements++;
  distinct.add([q.subject.id, q.predicate.id, q.object.id, q.graph.id].join(' '));
}
console.log(`statements=${statements} distinct=${distinct.size}`);
