import Handlebars from 'handlebars';
import type { Problem } from '../errors.js';
import type { Shape } from '../briefing/view-model-shape.js';
import { builtinBlockHelpers, helpers } from '../markdown/handlebars-env.js';

type Node = hbs.AST.Node;
type Expression = hbs.AST.Expression;

/** Property names that lead out of the data into JavaScript's object machinery. */
const forbiddenNames = new Set(['__proto__', 'constructor', 'prototype', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toString', 'valueOf', 'toLocaleString']);
const valueHelpers = new Set(Object.keys(helpers));
/** Helpers that give back a shortened copy of the list they are passed. */
const listHelpers = new Set(['limit', 'strongest']);
const blockHelpers = new Set<string>(builtinBlockHelpers);
const numberShape: Shape = { kind: 'number', doc: '' };
const booleanShape: Shape = { kind: 'boolean', doc: '' };
const stringShape: Shape = { kind: 'string', doc: '' };

interface Scope {
  shape: Shape;
  /** Names bound by `as |item index|`. */
  params: Map<string, Shape>;
  /** Inside #each: @index, @first, @last, @key are defined. */
  inEach: boolean;
}

export interface LintTarget {
  file: string;
  source: string;
}

/** What the linter knows: the view model's shape and the template's partials. */
export interface LintContext {
  root: Shape;
  partials: ReadonlyMap<string, LintTarget>;
}

class Linter {
  readonly problems: Problem[] = [];
  private readonly partialStack: string[] = [];

  constructor(private readonly context: LintContext) {}

  lint(target: LintTarget, scopes: Scope[]): void {
    let program: hbs.AST.Program;
    try {
      program = Handlebars.parse(target.source);
    } catch (error) {
      const message = (error as Error).message;
      const line = Number(/line (\d+)/.exec(message)?.[1] ?? 1);
      const detail = message.split('\n').at(-1) ?? message;
      this.problems.push({ file: target.file, line, col: 1, message: `syntax error: ${detail}` });
      return;
    }
    this.program(program, scopes, target.file);
  }

  private report(node: Node, file: string, message: string): void {
    this.problems.push({ file, line: node.loc?.start.line ?? 1, col: (node.loc?.start.column ?? 0) + 1, message });
  }

  private program(program: hbs.AST.Program | undefined, scopes: Scope[], file: string): void {
    for (const statement of program?.body ?? []) this.statement(statement, scopes, file);
  }

  private statement(node: Node, scopes: Scope[], file: string): void {
    switch (node.type) {
      case 'ContentStatement':
      case 'CommentStatement':
        return;
      case 'MustacheStatement':
        return this.mustache(node as hbs.AST.MustacheStatement, scopes, file);
      case 'BlockStatement':
        return this.block(node as hbs.AST.BlockStatement, scopes, file);
      case 'PartialStatement':
        return this.partial(node as hbs.AST.PartialStatement, scopes, file);
      case 'PartialBlockStatement':
        return this.report(node, file, 'partial blocks ({{#> …}}) are not allowed');
      case 'DecoratorBlock':
      case 'Decorator':
      case 'DecoratorStatement':
        return this.report(node, file, 'decorators ({{* …}}) are not allowed');
      default:
        return this.report(node, file, `unsupported template construct ${node.type}`);
    }
  }

  private mustache(node: hbs.AST.MustacheStatement, scopes: Scope[], file: string): void {
    if (!node.escaped) this.report(node, file, 'triple-stash {{{…}}} is not allowed: values are already escaped for Markdown, use {{…}}');
    if (node.path.type !== 'PathExpression') return;
    const path = node.path as hbs.AST.PathExpression;
    if (node.params.length > 0 || node.hash?.pairs.length) return this.helperCall(path, node.params, node.hash, scopes, file);
    if (valueHelpers.has(path.original)) return;
    const shape = this.resolve(path, scopes, file);
    if (shape && (shape.kind === 'object' || shape.kind === 'array')) {
      this.report(path, file, `"${path.original}" is ${shape.kind === 'array' ? 'a list' : 'an object'}; print one of its fields (or use #each)`);
    }
  }

  private helperCall(path: hbs.AST.PathExpression, params: Expression[], hash: hbs.AST.Hash | undefined, scopes: Scope[], file: string): void {
    const name = path.original;
    if (name === 'lookup' || name === 'log') this.report(path, file, `the ${name} helper is not allowed: name the field instead`);
    else if (!valueHelpers.has(name)) this.report(path, file, `unknown helper "${name}" (helpers: ${[...valueHelpers].join(', ')})`);
    for (const param of params) this.expression(param, scopes, file);
    for (const pair of hash?.pairs ?? []) this.expression(pair.value, scopes, file);
  }

  private expression(node: Expression, scopes: Scope[], file: string): Shape | undefined {
    if (node.type === 'SubExpression') {
      const sub = node as hbs.AST.SubExpression;
      this.helperCall(sub.path, sub.params, sub.hash, scopes, file);
      // (limit list n) and (strongest list n) are the list itself, shortened; the other helpers give values.
      if (listHelpers.has(sub.path.original) && sub.params[0]) return this.expression(sub.params[0], scopes, file);
      return booleanShape;
    }
    if (node.type === 'PathExpression') return this.resolve(node as hbs.AST.PathExpression, scopes, file);
    return stringShape;
  }

  private block(node: hbs.AST.BlockStatement, scopes: Scope[], file: string): void {
    const name = node.path.original;
    if (!blockHelpers.has(name)) {
      this.report(node.path, file, valueHelpers.has(name) ? `"${name}" is not a block helper; use {{${name} …}}` : `unknown block helper "#${name}" (use #if, #unless, #each or #with)`);
      return;
    }
    const [first] = node.params;
    const subject = first ? this.expression(first, scopes, file) : undefined;
    if (!first) this.report(node.path, file, `#${name} needs a value`);
    if (name === 'each') {
      const item = subject?.kind === 'array' ? subject.item : subject?.kind === 'object' ? undefined : undefined;
      if (subject && subject.kind !== 'array') this.report(first!, file, `#each needs a list; "${(first as hbs.AST.PathExpression).original}" is a ${subject.kind}`);
      const params = new Map<string, Shape>();
      const [itemName, indexName] = node.program.blockParams ?? [];
      if (itemName && item) params.set(itemName, item);
      if (indexName) params.set(indexName, numberShape);
      this.program(node.program, item ? [...scopes, { shape: item, params, inEach: true }] : scopes, file);
      this.program(node.inverse, scopes, file);
      return;
    }
    if (name === 'with') {
      if (subject && subject.kind !== 'object') this.report(first!, file, `#with needs an object`);
      this.program(node.program, subject?.kind === 'object' ? [...scopes, { shape: subject, params: new Map(), inEach: false }] : scopes, file);
      this.program(node.inverse, scopes, file);
      return;
    }
    this.program(node.program, scopes, file);
    this.program(node.inverse, scopes, file);
  }

  private partial(node: hbs.AST.PartialStatement, scopes: Scope[], file: string): void {
    if (node.name.type === 'SubExpression') return this.report(node, file, 'dynamic partials ({{> (…)}}) are not allowed: name the partial');
    const name = (node.name as hbs.AST.PathExpression).original;
    if (name === '@partial-block') return this.report(node, file, '{{> @partial-block}} is not allowed');
    const target = this.context.partials.get(name);
    if (!target) return this.report(node, file, `unknown partial "${name}" (partials: ${[...this.context.partials.keys()].join(', ') || 'none'})`);
    if (this.partialStack.includes(name)) return this.report(node, file, `template recursion: partial "${name}" includes itself (${[...this.partialStack, name].join(' → ')})`);
    let inner = scopes;
    const [param] = node.params;
    if (param) {
      const shape = this.expression(param, scopes, file);
      if (shape) inner = [...scopes, { shape, params: new Map(), inEach: false }];
    }
    this.partialStack.push(name);
    this.lint(target, inner);
    this.partialStack.pop();
  }

  /** The shape a path points at, or undefined (after reporting) when it does not exist. */
  private resolve(path: hbs.AST.PathExpression, scopes: Scope[], file: string): Shape | undefined {
    const bad = path.parts.find((part) => forbiddenNames.has(part));
    if (bad) {
      this.report(path, file, `"${path.original}" is not allowed: ${bad} is not part of the view model`);
      return undefined;
    }
    let parts = [...path.parts];
    let shape: Shape | undefined;
    if (path.data) {
      const [head, ...rest] = parts;
      const scope = scopes.at(-1);
      if (head === 'root') shape = this.context.root;
      else if ((head === 'index' || head === 'key') && scope?.inEach) return head === 'index' ? numberShape : stringShape;
      else if ((head === 'first' || head === 'last') && scope?.inEach) return booleanShape;
      else {
        this.report(path, file, `"@${head}" is not defined here (data variables: @root, and @index, @first, @last, @key inside #each)`);
        return undefined;
      }
      parts = rest;
    } else {
      const scope = scopes[scopes.length - 1 - path.depth];
      if (!scope) {
        this.report(path, file, `"${path.original}" goes above the top of the view model`);
        return undefined;
      }
      const [head] = parts;
      if (head !== undefined && path.depth === 0 && scope.params.has(head)) {
        shape = scope.params.get(head);
        parts = parts.slice(1);
      } else shape = scope.shape;
    }
    for (const part of parts) {
      if (shape?.kind === 'object' && Object.hasOwn(shape.fields, part)) shape = shape.fields[part];
      else if (shape?.kind === 'array' && part === 'length') shape = numberShape;
      else {
        const known = shape?.kind === 'object' ? Object.keys(shape.fields) : shape?.kind === 'array' ? ['length'] : [];
        this.report(path, file, `"${path.original}" is not defined in the view model${known.length ? ` (fields here: ${known.join(', ')})` : ''}`);
        return undefined;
      }
    }
    return shape;
  }
}

/**
 * Checks a template against the view model before anything renders: syntax, unknown helpers and
 * partials, fields that do not exist, and forbidden constructs (decorators, dynamic partials,
 * partial blocks, triple-stash, lookup/log, __proto__ and constructor paths, recursion).
 */
export function lintTemplate(target: LintTarget, context: LintContext): Problem[] {
  const linter = new Linter(context);
  linter.lint(target, [{ shape: context.root, params: new Map(), inEach: false }]);
  return linter.problems;
}
