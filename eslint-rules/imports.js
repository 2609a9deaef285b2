/**
 * The ESLint visitors of every way a module names another: `import`, `export … from`, and (with
 * `dynamic`) `import()` and `require()`. Each calls `check(node, specifier, typeOnly)`.
 *
 * @example
 * create(context) { return importVisitors((node, src, typeOnly) => { … }, { dynamic: true }); }
 */
export function importVisitors(check, { dynamic = false } = {}) {
  const visitors = {
    ImportDeclaration(node) {
      const typeOnly = node.importKind === 'type' || (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type'));
      check(node, node.source.value, typeOnly);
    },
    ExportNamedDeclaration(node) {
      if (node.source) check(node, node.source.value, node.exportKind === 'type');
    },
    ExportAllDeclaration(node) {
      check(node, node.source.value, node.exportKind === 'type');
    },
  };
  if (!dynamic) return visitors;
  return {
    ...visitors,
    ImportExpression(node) {
      if (node.source.type === 'Literal') check(node, node.source.value, false);
    },
    CallExpression(node) {
      if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') check(node, node.arguments[0].value, false);
    },
  };
}
