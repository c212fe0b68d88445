/**
 * Go's text/template (Go 1.24, the version kubectl 1.33 is built with), as kubectl's
 * `-o go-template` printer runs it: over the object as JSON decoded into interface{} values, with
 * the builtin functions, kubectl's `exists` and `base64decode`, and `missingkey=default` or
 * `missingkey=error` (`--allow-missing-template-keys`). A port of text/template/parse (lexer and
 * parser, positions and error messages included) and of exec.go and funcs.go, so that output and
 * errors read as kubectl's do. What is not reproduced (complex and hexadecimal-float constants,
 * a pointer's address) fails with GoNotSimulated, never with different output.
 */
import { KubectlError } from '../command.ts';
import {
  GoNotSimulated,
  GoValue,
  compareBytes,
  concrete,
  goQuoteString,
  isIntType,
  isPrint,
  isObj,
  sprint,
  sprintValue,
  sprintf,
  sprintln,
  utf8Bytes,
  utf8String,
  type GoAny,
  type GoType,
} from './gofmt.ts';

export { GoNotSimulated } from './gofmt.ts';

/** A parse error: `template: output:1: unclosed action`. */
export class GoTemplateParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GoTemplateParseError';
  }
}

/** An execution error, with the output written before it. */
export class GoTemplateExecError extends Error {
  constructor(
    message: string,
    readonly partial: string,
  ) {
    super(message);
    this.name = 'GoTemplateExecError';
  }
}

/**
 * A bound on the work one execution does (nodes walked, values printed), so that no template —
 * `{{range 1000000000}}`, say — keeps the page busy; past it the template fails saying so.
 * kubectl has no such limit; nothing a cluster of this size prints comes near it.
 */
export const GO_TEMPLATE_BUDGET = 1_000_000;
/** How deep `{{template}}` calls may nest here (Go allows 100000; JavaScript's stack does not). */
export const GO_TEMPLATE_MAX_DEPTH = 200;

// =============================================================================================
// Lexer (text/template/parse/lex.go)

type ItemType =
  | 'error'
  | 'bool'
  | 'char'
  | 'charConstant'
  | 'comment'
  | 'complex'
  | 'assign'
  | 'declare'
  | 'EOF'
  | 'field'
  | 'identifier'
  | 'leftDelim'
  | 'leftParen'
  | 'number'
  | 'pipe'
  | 'rawString'
  | 'rightDelim'
  | 'rightParen'
  | 'space'
  | 'string'
  | 'text'
  | 'variable'
  // keywords
  | 'block'
  | 'break'
  | 'continue'
  | 'dot'
  | 'define'
  | 'else'
  | 'end'
  | 'if'
  | 'nil'
  | 'range'
  | 'template'
  | 'with';

const KEYWORDS: Record<string, ItemType> = {
  '.': 'dot',
  block: 'block',
  break: 'break',
  continue: 'continue',
  define: 'define',
  else: 'else',
  end: 'end',
  if: 'if',
  range: 'range',
  nil: 'nil',
  template: 'template',
  with: 'with',
};
const KEYWORD_TYPES = new Set<ItemType>(Object.values(KEYWORDS));

interface Item {
  typ: ItemType;
  /** UTF-16 index of the item in the template. */
  pos: number;
  val: string;
  line: number;
}

/** item.String(): how the parser names a token in its errors. */
function itemString(i: Item): string {
  if (i.typ === 'EOF') return 'EOF';
  if (i.typ === 'error') return i.val;
  if (KEYWORD_TYPES.has(i.typ)) return `<${i.val}>`;
  const runes = [...i.val];
  if (runes.length > 10) return `${goQuoteString(runes.slice(0, 10).join(''))}...`;
  return goQuoteString(i.val);
}

const LEFT_DELIM = '{{';
const RIGHT_DELIM = '}}';
const LEFT_COMMENT = '/*';
const RIGHT_COMMENT = '*/';

const isSpace = (r: string | undefined) => r === ' ' || r === '\t' || r === '\r' || r === '\n';
const isAlphaNumeric = (r: string | undefined) =>
  r !== undefined && (r === '_' || /^[\p{L}\p{Nd}]$/u.test(r));
const hasLeftTrimMarker = (s: string) => s.length >= 2 && s[0] === '-' && isSpace(s[1]);
const hasRightTrimMarker = (s: string) => s.length >= 2 && isSpace(s[0]) && s[1] === '-';

/** %#U of a rune: `U+0041 'A'`, or just `U+0001` for one that does not print. */
function sharpU(r: string): string {
  const code = r.codePointAt(0)!;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return isPrint(code) ? `${hex} '${r}'` : hex;
}

/** Lexes the whole template up front: Go's lexer is deterministic, and stops at its first error. */
function lex(input: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  let start = 0;
  let atEOF = false;
  let parenDepth = 0;
  const lineAt = (p: number) => {
    let n = 1;
    for (let i = input.indexOf('\n'); i >= 0 && i < p; i = input.indexOf('\n', i + 1)) n++;
    return n;
  };
  const next = (): string | undefined => {
    if (pos >= input.length) {
      atEOF = true;
      return undefined;
    }
    const r = String.fromCodePoint(input.codePointAt(pos)!);
    pos += r.length;
    return r;
  };
  const backup = () => {
    if (!atEOF && pos > 0) {
      const c = input.charCodeAt(pos - 1);
      pos -= c >= 0xdc00 && c < 0xe000 && pos >= 2 ? 2 : 1;
    }
  };
  const peek = () => {
    const r = next();
    backup();
    return r;
  };
  const accept = (valid: string) => {
    const r = next();
    if (r !== undefined && valid.includes(r)) return true;
    backup();
    return false;
  };
  const acceptRun = (valid: string) => {
    for (let r = next(); r !== undefined && valid.includes(r); r = next());
    backup();
  };
  let done = false;
  const emit = (typ: ItemType) => {
    items.push({ typ, pos: start, val: input.slice(start, pos), line: lineAt(start) });
    start = pos;
    if (typ === 'EOF') done = true;
  };
  const ignore = () => {
    start = pos;
  };
  const errorf = (message: string) => {
    items.push({ typ: 'error', pos: start, val: message, line: lineAt(start) });
    done = true;
  };
  const atRightDelim = (): [boolean, boolean] => {
    if (hasRightTrimMarker(input.slice(pos)) && input.startsWith(RIGHT_DELIM, pos + 2)) return [true, true];
    if (input.startsWith(RIGHT_DELIM, pos)) return [true, false];
    return [false, false];
  };
  const atTerminator = () => {
    const r = peek();
    if (isSpace(r)) return true;
    if (r === undefined || '.,|:)('.includes(r)) return true;
    return input.startsWith(RIGHT_DELIM, pos);
  };
  const leftTrimLength = (s: string) => s.length - s.replace(/^[ \t\r\n]+/, '').length;

  type State = (() => State) | undefined;
  const lexText = (): State => {
    const x = input.indexOf(LEFT_DELIM, pos);
    if (x >= 0) {
      if (x > pos) {
        pos = x;
        // A left trim marker trims the spaces before it.
        let trimLength = 0;
        if (hasLeftTrimMarker(input.slice(pos + LEFT_DELIM.length))) {
          while (pos - trimLength > start && isSpace(input[pos - trimLength - 1])) trimLength++;
        }
        pos -= trimLength;
        if (pos > start) emit('text');
        pos += trimLength;
        ignore();
      }
      return lexLeftDelim;
    }
    pos = input.length;
    if (pos > start) emit('text');
    emit('EOF');
    return undefined;
  };
  const lexLeftDelim = (): State => {
    pos += LEFT_DELIM.length;
    const trimSpace = hasLeftTrimMarker(input.slice(pos));
    const afterMarker = trimSpace ? 2 : 0;
    if (input.startsWith(LEFT_COMMENT, pos + afterMarker)) {
      pos += afterMarker;
      ignore();
      return lexComment;
    }
    emit('leftDelim');
    pos += afterMarker;
    ignore();
    parenDepth = 0;
    return lexInsideAction;
  };
  const lexComment = (): State => {
    pos += LEFT_COMMENT.length;
    const x = input.indexOf(RIGHT_COMMENT, pos);
    if (x < 0) {
      errorf('unclosed comment');
      return undefined;
    }
    pos = x + RIGHT_COMMENT.length;
    const [delim, trimSpace] = atRightDelim();
    if (!delim) {
      errorf('comment ends before closing delimiter');
      return undefined;
    }
    if (trimSpace) pos += 2;
    pos += RIGHT_DELIM.length;
    if (trimSpace) pos += leftTrimLength(input.slice(pos));
    ignore();
    return lexText;
  };
  const lexRightDelim = (): State => {
    const [, trimSpace] = atRightDelim();
    if (trimSpace) {
      pos += 2;
      ignore();
    }
    pos += RIGHT_DELIM.length;
    emit('rightDelim');
    if (trimSpace) {
      pos += leftTrimLength(input.slice(pos));
      ignore();
    }
    return lexText;
  };
  const lexInsideAction = (): State => {
    const [delim] = atRightDelim();
    if (delim) {
      if (parenDepth === 0) return lexRightDelim;
      errorf('unclosed left paren');
      return undefined;
    }
    const r = next();
    if (r === undefined) {
      errorf('unclosed action');
      return undefined;
    }
    if (isSpace(r)) {
      backup();
      return lexSpace;
    }
    switch (r) {
      case '=':
        emit('assign');
        return lexInsideAction;
      case ':':
        if (next() !== '=') {
          errorf('expected :=');
          return undefined;
        }
        emit('declare');
        return lexInsideAction;
      case '|':
        emit('pipe');
        return lexInsideAction;
      case '"':
        return lexQuote;
      case '`':
        return lexRawQuote;
      case '$':
        return lexVariable;
      case "'":
        return lexChar;
      case '(':
        parenDepth++;
        emit('leftParen');
        return lexInsideAction;
      case ')':
        parenDepth--;
        if (parenDepth < 0) {
          errorf('unexpected right paren');
          return undefined;
        }
        emit('rightParen');
        return lexInsideAction;
    }
    if (r === '.') {
      if (pos < input.length) {
        const c = input[pos]!;
        if (c < '0' || c > '9') return lexField;
      }
      backup();
      return lexNumber;
    }
    if (r === '+' || r === '-' || (r >= '0' && r <= '9')) {
      backup();
      return lexNumber;
    }
    if (isAlphaNumeric(r)) {
      backup();
      return lexIdentifier;
    }
    const code = r.codePointAt(0)!;
    if (code <= 0x7f && isPrint(code)) {
      emit('char');
      return lexInsideAction;
    }
    errorf(`unrecognized character in action: ${sharpU(r)}`);
    return undefined;
  };
  const lexSpace = (): State => {
    let numSpaces = 0;
    while (isSpace(peek())) {
      next();
      numSpaces++;
    }
    if (hasRightTrimMarker(input.slice(pos - 1)) && input.startsWith(RIGHT_DELIM, pos - 1 + 2)) {
      backup();
      if (numSpaces === 1) return lexRightDelim;
    }
    emit('space');
    return lexInsideAction;
  };
  const lexIdentifier = (): State => {
    for (;;) {
      const r = next();
      if (isAlphaNumeric(r)) continue;
      backup();
      const word = input.slice(start, pos);
      if (!atTerminator()) {
        errorf(`bad character ${sharpU(r ?? '')}`);
        return undefined;
      }
      const key = KEYWORDS[word];
      if (key !== undefined && key !== 'dot') emit(key);
      else if (word[0] === '.') emit('field');
      else if (word === 'true' || word === 'false') emit('bool');
      else emit('identifier');
      return lexInsideAction;
    }
  };
  const lexFieldOrVariable = (typ: 'field' | 'variable'): State => {
    if (atTerminator()) {
      emit(typ === 'variable' ? 'variable' : 'dot');
      return lexInsideAction;
    }
    let r: string | undefined;
    for (;;) {
      r = next();
      if (!isAlphaNumeric(r)) {
        backup();
        break;
      }
    }
    if (!atTerminator()) {
      errorf(`bad character ${sharpU(r ?? '')}`);
      return undefined;
    }
    emit(typ);
    return lexInsideAction;
  };
  const lexField = (): State => lexFieldOrVariable('field');
  const lexVariable = (): State => {
    if (atTerminator()) {
      emit('variable');
      return lexInsideAction;
    }
    return lexFieldOrVariable('variable');
  };
  const lexChar = (): State => {
    for (;;) {
      const r = next();
      if (r === '\\') {
        const e = next();
        if (e !== undefined && e !== '\n') continue;
        errorf('unterminated character constant');
        return undefined;
      }
      if (r === undefined || r === '\n') {
        errorf('unterminated character constant');
        return undefined;
      }
      if (r === "'") {
        emit('charConstant');
        return lexInsideAction;
      }
    }
  };
  const scanNumber = (): boolean => {
    accept('+-');
    let digits = '0123456789_';
    if (accept('0')) {
      if (accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (accept('oO')) digits = '01234567_';
      else if (accept('bB')) digits = '01_';
    }
    acceptRun(digits);
    if (accept('.')) acceptRun(digits);
    if (digits.length === 11 && accept('eE')) {
      accept('+-');
      acceptRun('0123456789_');
    }
    if (digits.length === 23 && accept('pP')) {
      accept('+-');
      acceptRun('0123456789_');
    }
    accept('i');
    if (isAlphaNumeric(peek())) {
      next();
      return false;
    }
    return true;
  };
  const lexNumber = (): State => {
    if (!scanNumber()) {
      errorf(`bad number syntax: ${goQuoteString(input.slice(start, pos))}`);
      return undefined;
    }
    const sign = peek();
    if (sign === '+' || sign === '-') {
      if (!scanNumber() || input[pos - 1] !== 'i') {
        errorf(`bad number syntax: ${goQuoteString(input.slice(start, pos))}`);
        return undefined;
      }
      emit('complex');
      return lexInsideAction;
    }
    emit('number');
    return lexInsideAction;
  };
  const lexQuote = (): State => {
    for (;;) {
      const r = next();
      if (r === '\\') {
        const e = next();
        if (e !== undefined && e !== '\n') continue;
        errorf('unterminated quoted string');
        return undefined;
      }
      if (r === undefined || r === '\n') {
        errorf('unterminated quoted string');
        return undefined;
      }
      if (r === '"') {
        emit('string');
        return lexInsideAction;
      }
    }
  };
  const lexRawQuote = (): State => {
    for (;;) {
      const r = next();
      if (r === undefined) {
        errorf('unterminated raw quoted string');
        return undefined;
      }
      if (r === '`') {
        emit('rawString');
        return lexInsideAction;
      }
    }
  };

  let state: State = lexText;
  while (state && !done) state = state();
  // Once the input ends (or fails), the lexer only says EOF.
  const last = items[items.length - 1]!;
  if (last.typ !== 'EOF') items.push({ typ: 'EOF', pos: last.pos, val: 'EOF', line: last.line });
  return items;
}

// =============================================================================================
// Nodes (text/template/parse/node.go)

interface NodeBase {
  pos: number;
  tree: Tree;
}
interface ListNode extends NodeBase {
  type: 'list';
  nodes: Node[];
}
interface TextNode extends NodeBase {
  type: 'text';
  text: string;
}
interface PipeNode extends NodeBase {
  type: 'pipe';
  line: number;
  isAssign: boolean;
  decl: VariableNode[];
  cmds: CommandNode[];
}
interface ActionNode extends NodeBase {
  type: 'action';
  line: number;
  pipe: PipeNode;
}
interface CommandNode extends NodeBase {
  type: 'command';
  args: Node[];
}
interface IdentifierNode extends NodeBase {
  type: 'identifier';
  ident: string;
}
interface VariableNode extends NodeBase {
  type: 'variable';
  ident: string[];
}
interface DotNode extends NodeBase {
  type: 'dot';
}
interface NilNode extends NodeBase {
  type: 'nil';
}
interface FieldNode extends NodeBase {
  type: 'field';
  ident: string[];
}
interface ChainNode extends NodeBase {
  type: 'chain';
  node: Node;
  field: string[];
}
interface BoolNode extends NodeBase {
  type: 'bool';
  value: boolean;
}
interface NumberNode extends NodeBase {
  type: 'number';
  isInt: boolean;
  isUint: boolean;
  isFloat: boolean;
  int64: bigint;
  float64: number;
  text: string;
}
interface StringNode extends NodeBase {
  type: 'string';
  quoted: string;
  text: string;
}
interface EndNode extends NodeBase {
  type: 'end';
}
interface ElseNode extends NodeBase {
  type: 'else';
  line: number;
}
interface BranchNode extends NodeBase {
  type: 'if' | 'range' | 'with';
  line: number;
  pipe: PipeNode;
  list: ListNode;
  elseList: ListNode | undefined;
}
interface BreakNode extends NodeBase {
  type: 'break' | 'continue';
  line: number;
}
interface TemplateNode extends NodeBase {
  type: 'template';
  line: number;
  name: string;
  pipe: PipeNode | undefined;
}
interface CommentNode extends NodeBase {
  type: 'comment';
  text: string;
}

type Node =
  | ListNode
  | TextNode
  | PipeNode
  | ActionNode
  | CommandNode
  | IdentifierNode
  | VariableNode
  | DotNode
  | NilNode
  | FieldNode
  | ChainNode
  | BoolNode
  | NumberNode
  | StringNode
  | EndNode
  | ElseNode
  | BranchNode
  | BreakNode
  | TemplateNode
  | CommentNode;

/** Node.String(): the template text a node stands for, as errors quote it. */
function nodeString(n: Node): string {
  switch (n.type) {
    case 'list':
      return n.nodes.map(nodeString).join('');
    case 'text':
      return n.text;
    case 'comment':
      return `{{${n.text}}}`;
    case 'pipe': {
      let s = '';
      if (n.decl.length) s = n.decl.map(nodeString).join(', ') + (n.isAssign ? ' = ' : ' := ');
      return s + n.cmds.map(nodeString).join(' | ');
    }
    case 'action':
      return `{{${nodeString(n.pipe)}}}`;
    case 'command':
      return n.args.map((a) => (a.type === 'pipe' ? `(${nodeString(a)})` : nodeString(a))).join(' ');
    case 'identifier':
      return n.ident;
    case 'variable':
      return n.ident.join('.');
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'field':
      return n.ident.map((id) => `.${id}`).join('');
    case 'chain':
      return (
        (n.node.type === 'pipe' ? `(${nodeString(n.node)})` : nodeString(n.node)) +
        n.field.map((f) => `.${f}`).join('')
      );
    case 'bool':
      return n.value ? 'true' : 'false';
    case 'number':
      return n.text;
    case 'string':
      return n.quoted;
    case 'end':
      return '{{end}}';
    case 'else':
      return '{{else}}';
    case 'if':
    case 'range':
    case 'with':
      return `{{${n.type} ${nodeString(n.pipe)}}}${nodeString(n.list)}${
        n.elseList ? `{{else}}${nodeString(n.elseList)}` : ''
      }{{end}}`;
    case 'break':
      return '{{break}}';
    case 'continue':
      return '{{continue}}';
    case 'template':
      return `{{template ${goQuoteString(n.name)}${n.pipe ? ` ${nodeString(n.pipe)}` : ''}}}`;
  }
}

/** Byte offset of a UTF-16 index (Go's positions count bytes). */
function byteOffset(text: string, index: number): number {
  let n = 0;
  for (let i = 0; i < index; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Tree.ErrorContext: `output:LINE:COL` (COL a byte offset from the line's start) and the node. */
function errorContext(n: Node): [string, string] {
  const text = n.tree.text.slice(0, n.pos);
  const nl = text.lastIndexOf('\n');
  const byteNum =
    nl < 0 ? byteOffset(text, text.length) : byteOffset(text.slice(nl + 1), text.length - nl - 1);
  let lineNum = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineNum++;
  return [`${n.tree.parseName}:${lineNum}:${byteNum}`, nodeString(n)];
}

// =============================================================================================
// Parser (text/template/parse/parse.go)

/** The functions a kubectl template may call: text/template's builtins and kubectl's two. */
const FUNCTION_NAMES = new Set([
  'and',
  'call',
  'html',
  'index',
  'slice',
  'js',
  'len',
  'not',
  'or',
  'print',
  'printf',
  'println',
  'urlquery',
  'eq',
  'ge',
  'gt',
  'le',
  'lt',
  'ne',
  'exists',
  'base64decode',
]);

class Lexer {
  private i = 0;
  constructor(private readonly items: Item[]) {}
  nextItem(): Item {
    const item = this.items[Math.min(this.i, this.items.length - 1)]!;
    this.i++;
    return item;
  }
}

type TreeSet = Map<string, Tree>;

class Tree {
  root: ListNode | undefined;
  text = '';
  parseName = '';
  private lex!: Lexer;
  private token: Item[] = [];
  private peekCount = 0;
  private vars: string[] = [];
  private treeSet!: TreeSet;
  private actionLine = 0;
  private rangeDepth = 0;

  constructor(public name: string) {}

  private next(): Item {
    if (this.peekCount > 0) this.peekCount--;
    else this.token[0] = this.lex.nextItem();
    return this.token[this.peekCount]!;
  }
  private backup(): void {
    this.peekCount++;
  }
  private backup2(t1: Item): void {
    this.token[1] = t1;
    this.peekCount = 2;
  }
  private backup3(t2: Item, t1: Item): void {
    this.token[1] = t1;
    this.token[2] = t2;
    this.peekCount = 3;
  }
  private peek(): Item {
    if (this.peekCount > 0) return this.token[this.peekCount - 1]!;
    this.peekCount = 1;
    this.token[0] = this.lex.nextItem();
    return this.token[0];
  }
  private nextNonSpace(): Item {
    let token: Item;
    do token = this.next();
    while (token.typ === 'space');
    return token;
  }
  private peekNonSpace(): Item {
    const token = this.nextNonSpace();
    this.backup();
    return token;
  }

  errorf(message: string): never {
    this.root = undefined;
    throw new GoTemplateParseError(`template: ${this.parseName}:${this.token[0]!.line}: ${message}`);
  }

  private expect(expected: ItemType, context: string): Item {
    const token = this.nextNonSpace();
    if (token.typ !== expected) this.unexpected(token, context);
    return token;
  }

  private expectOneOf(e1: ItemType, e2: ItemType, context: string): Item {
    const token = this.nextNonSpace();
    if (token.typ !== e1 && token.typ !== e2) this.unexpected(token, context);
    return token;
  }

  private unexpected(token: Item, context: string): never {
    if (token.typ === 'error') {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== token.line) {
        extra = ` in action started at ${this.parseName}:${this.actionLine}`;
        if (token.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.errorf(`${itemString(token)}${extra}`);
    }
    this.errorf(`unexpected ${itemString(token)} in ${context}`);
  }

  startParse(lex: Lexer, treeSet: TreeSet): void {
    this.root = undefined;
    this.lex = lex;
    this.vars = ['$'];
    this.treeSet = treeSet;
  }

  parseTemplate(text: string, treeSet: TreeSet): void {
    this.parseName = this.name;
    this.startParse(new Lexer(lex(text)), treeSet);
    this.text = text;
    this.parse();
    this.add();
  }

  private add(): void {
    const tree = this.treeSet.get(this.name);
    if (tree === undefined || isEmptyTree(tree.root)) {
      this.treeSet.set(this.name, this);
      return;
    }
    if (!isEmptyTree(this.root))
      this.errorf(`template: multiple definition of template ${goQuoteString(this.name)}`);
  }

  private node<T extends Node>(n: Omit<T, 'tree'>): T {
    return { ...n, tree: this } as unknown as T;
  }

  private newList(pos: number): ListNode {
    return this.node<ListNode>({ type: 'list', pos, nodes: [] });
  }

  private parse(): void {
    this.root = this.newList(this.peek().pos);
    while (this.peek().typ !== 'EOF') {
      if (this.peek().typ === 'leftDelim') {
        const delim = this.next();
        if (this.nextNonSpace().typ === 'define') {
          const newT = new Tree('definition');
          newT.text = this.text;
          newT.parseName = this.parseName;
          newT.startParse(this.lex, this.treeSet);
          newT.parseDefinition();
          continue;
        }
        this.backup2(delim);
      }
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') this.errorf(`unexpected ${nodeString(n)}`);
      this.root.nodes.push(n);
    }
  }

  private parseDefinition(): void {
    const context = 'define clause';
    const name = this.expectOneOf('string', 'rawString', context);
    this.name = this.unquote(name.val);
    this.expect('rightDelim', context);
    const [list, end] = this.itemList();
    this.root = list;
    if (end.type !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    this.add();
  }

  private itemList(): [ListNode, Node] {
    const list = this.newList(this.peekNonSpace().pos);
    while (this.peekNonSpace().typ !== 'EOF') {
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') return [list, n];
      list.nodes.push(n);
    }
    this.errorf('unexpected EOF');
  }

  private textOrAction(): Node {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case 'text':
        return this.node<TextNode>({ type: 'text', pos: token.pos, text: token.val });
      case 'leftDelim':
        this.actionLine = token.line;
        try {
          return this.action();
        } finally {
          this.actionLine = 0;
        }
      case 'comment':
        return this.node<CommentNode>({ type: 'comment', pos: token.pos, text: token.val });
      default:
        this.unexpected(token, 'input');
    }
  }

  private action(): Node {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case 'block':
        return this.blockControl();
      case 'break':
        return this.breakControl(token, 'break');
      case 'continue':
        return this.breakControl(token, 'continue');
      case 'else':
        return this.elseControl();
      case 'end':
        return this.endControl();
      case 'if':
        return this.branch('if');
      case 'range':
        return this.branch('range');
      case 'template':
        return this.templateControl();
      case 'with':
        return this.branch('with');
    }
    this.backup();
    const t = this.peek();
    return this.node<ActionNode>({
      type: 'action',
      pos: t.pos,
      line: t.line,
      pipe: this.pipeline('command', 'rightDelim'),
    });
  }

  private breakControl(token: Item, kind: 'break' | 'continue'): Node {
    const next = this.nextNonSpace();
    if (next.typ !== 'rightDelim') this.unexpected(next, `{{${kind}}}`);
    if (this.rangeDepth === 0) this.errorf(`{{${kind}}} outside {{range}}`);
    return this.node<BreakNode>({ type: kind, pos: token.pos, line: token.line });
  }

  private pipeline(context: string, end: ItemType): PipeNode {
    const token = this.peekNonSpace();
    const pipe = this.node<PipeNode>({
      type: 'pipe',
      pos: token.pos,
      line: token.line,
      isAssign: false,
      decl: [],
      cmds: [],
    });
    decls: for (;;) {
      const v = this.peekNonSpace();
      if (v.typ === 'variable') {
        this.next();
        const tokenAfterVariable = this.peek();
        const next = this.peekNonSpace();
        if (next.typ === 'assign' || next.typ === 'declare') {
          pipe.isAssign = next.typ === 'assign';
          this.nextNonSpace();
          pipe.decl.push(this.newVariable(v.pos, v.val));
          this.vars.push(v.val);
        } else if (next.typ === 'char' && next.val === ',') {
          this.nextNonSpace();
          pipe.decl.push(this.newVariable(v.pos, v.val));
          this.vars.push(v.val);
          if (context === 'range' && pipe.decl.length < 2) {
            const t = this.peekNonSpace().typ;
            if (t === 'variable' || t === 'rightDelim' || t === 'rightParen') continue decls;
            this.errorf('range can only initialize variables');
          }
          this.errorf(`too many declarations in ${context}`);
        } else if (tokenAfterVariable.typ === 'space') this.backup3(v, tokenAfterVariable);
        else this.backup2(v);
      }
      break;
    }
    for (;;) {
      const token = this.nextNonSpace();
      switch (token.typ) {
        case end:
          this.checkPipeline(pipe, context);
          return pipe;
        case 'bool':
        case 'charConstant':
        case 'complex':
        case 'dot':
        case 'field':
        case 'identifier':
        case 'number':
        case 'nil':
        case 'rawString':
        case 'string':
        case 'variable':
        case 'leftParen':
          this.backup();
          pipe.cmds.push(this.command());
          break;
        default:
          this.unexpected(token, context);
      }
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    pipe.cmds.slice(1).forEach((c, i) => {
      const t = c.args[0]!.type;
      if (t === 'bool' || t === 'dot' || t === 'nil' || t === 'number' || t === 'string')
        this.errorf(`non executable command in pipeline stage ${i + 2}`);
    });
  }

  private branch(context: 'if' | 'range' | 'with'): BranchNode {
    const varsBefore = this.vars.length;
    try {
      const pipe = this.pipeline(context, 'rightDelim');
      if (context === 'range') this.rangeDepth++;
      let list: ListNode;
      let next: Node;
      try {
        [list, next] = this.itemList();
      } finally {
        if (context === 'range') this.rangeDepth--;
      }
      let elseList: ListNode | undefined;
      if (next.type === 'else') {
        if (
          (context === 'if' && this.peek().typ === 'if') ||
          (context === 'with' && this.peek().typ === 'with')
        ) {
          this.next();
          elseList = this.newList(next.pos);
          elseList.nodes.push(this.branch(context));
        } else {
          let end: Node;
          [elseList, end] = this.itemList();
          if (end.type !== 'end') this.errorf(`expected end; found ${nodeString(end)}`);
        }
      }
      return this.node<BranchNode>({ type: context, pos: pipe.pos, line: pipe.line, pipe, list, elseList });
    } finally {
      this.vars.length = varsBefore;
    }
  }

  private endControl(): Node {
    return this.node<EndNode>({ type: 'end', pos: this.expect('rightDelim', 'end').pos });
  }

  private elseControl(): Node {
    const peek = this.peekNonSpace();
    if (peek.typ === 'if' || peek.typ === 'with')
      return this.node<ElseNode>({ type: 'else', pos: peek.pos, line: peek.line });
    const token = this.expect('rightDelim', 'else');
    return this.node<ElseNode>({ type: 'else', pos: token.pos, line: token.line });
  }

  private blockControl(): Node {
    const context = 'block clause';
    const token = this.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    const pipe = this.pipeline(context, 'rightDelim');
    const block = new Tree(name);
    block.text = this.text;
    block.parseName = this.parseName;
    block.startParse(this.lex, this.treeSet);
    const [list, end] = block.itemList();
    block.root = list;
    if (end.type !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    block.add();
    return this.node<TemplateNode>({ type: 'template', pos: token.pos, line: token.line, name, pipe });
  }

  private templateControl(): Node {
    const context = 'template clause';
    const token = this.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    let pipe: PipeNode | undefined;
    if (this.nextNonSpace().typ !== 'rightDelim') {
      this.backup();
      pipe = this.pipeline(context, 'rightDelim');
    }
    return this.node<TemplateNode>({ type: 'template', pos: token.pos, line: token.line, name, pipe });
  }

  private parseTemplateName(token: Item, context: string): string {
    if (token.typ === 'string' || token.typ === 'rawString') return this.unquote(token.val);
    this.unexpected(token, context);
  }

  private command(): CommandNode {
    const cmd = this.node<CommandNode>({ type: 'command', pos: this.peekNonSpace().pos, args: [] });
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand) cmd.args.push(operand);
      const token = this.next();
      if (token.typ === 'space') continue;
      if (token.typ === 'rightDelim' || token.typ === 'rightParen') this.backup();
      else if (token.typ !== 'pipe') this.unexpected(token, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.errorf('empty command');
    return cmd;
  }

  private operand(): Node | undefined {
    let node = this.term();
    if (node === undefined) return undefined;
    if (this.peek().typ === 'field') {
      const chainPos = this.peek().pos;
      const fields: string[] = [];
      while (this.peek().typ === 'field') fields.push(this.next().val.slice(1));
      const chain = this.node<ChainNode>({ type: 'chain', pos: chainPos, node, field: fields });
      switch (node.type) {
        case 'field':
          node = this.node<FieldNode>({ type: 'field', pos: chainPos, ident: [...node.ident, ...fields] });
          break;
        case 'variable':
          node = this.node<VariableNode>({
            type: 'variable',
            pos: chainPos,
            ident: [...node.ident, ...fields],
          });
          break;
        case 'bool':
        case 'string':
        case 'number':
        case 'nil':
        case 'dot':
          return this.errorf(`unexpected . after term ${goQuoteString(nodeString(node))}`);
        default:
          node = chain;
      }
    }
    return node;
  }

  private term(): Node | undefined {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case 'identifier':
        if (!FUNCTION_NAMES.has(token.val)) this.errorf(`function ${goQuoteString(token.val)} not defined`);
        return this.node<IdentifierNode>({ type: 'identifier', pos: token.pos, ident: token.val });
      case 'dot':
        return this.node<DotNode>({ type: 'dot', pos: token.pos });
      case 'nil':
        return this.node<NilNode>({ type: 'nil', pos: token.pos });
      case 'variable':
        return this.useVar(token.pos, token.val);
      case 'field':
        return this.node<FieldNode>({ type: 'field', pos: token.pos, ident: token.val.slice(1).split('.') });
      case 'bool':
        return this.node<BoolNode>({ type: 'bool', pos: token.pos, value: token.val === 'true' });
      case 'charConstant':
      case 'complex':
      case 'number':
        return this.newNumber(token.pos, token.val, token.typ);
      case 'leftParen':
        return this.pipeline('parenthesized pipeline', 'rightParen');
      case 'string':
      case 'rawString':
        return this.node<StringNode>({
          type: 'string',
          pos: token.pos,
          quoted: token.val,
          text: this.unquote(token.val),
        });
    }
    this.backup();
    return undefined;
  }

  private newVariable(pos: number, name: string): VariableNode {
    return this.node<VariableNode>({ type: 'variable', pos, ident: name.split('.') });
  }

  private useVar(pos: number, name: string): VariableNode {
    const v = this.newVariable(pos, name);
    if (!this.vars.includes(v.ident[0]!)) this.errorf(`undefined variable ${goQuoteString(v.ident[0]!)}`);
    return v;
  }

  /** strconv.Unquote, failing as the parser does (`invalid syntax`). */
  private unquote(quoted: string): string {
    const s = unquoteGo(quoted);
    if (s === undefined) this.errorf('invalid syntax');
    return s;
  }

  private newNumber(pos: number, text: string, typ: ItemType): NumberNode {
    const n = this.node<NumberNode>({
      type: 'number',
      pos,
      isInt: false,
      isUint: false,
      isFloat: false,
      int64: 0n,
      float64: 0,
      text,
    });
    if (typ === 'charConstant') {
      const r = unquoteChar(text);
      if (r === undefined) this.errorf('invalid syntax');
      if (r.tail !== "'") this.errorf(`malformed character constant: ${text}`);
      n.isInt = n.isUint = n.isFloat = true;
      n.int64 = BigInt(r.value);
      n.float64 = r.value;
      return n;
    }
    if (typ === 'complex' || text.endsWith('i'))
      throw new GoNotSimulated(`complex number constants (${text}) are not simulated`);
    const u = parseGoUint(text);
    if (u !== undefined && u !== 'range') n.isUint = true;
    const i = parseGoInt(text);
    if (i !== undefined && i !== 'range') {
      n.isInt = true;
      n.int64 = i;
      if (i === 0n) n.isUint = true;
    }
    if (n.isInt) {
      n.isFloat = true;
      n.float64 = Number(n.int64);
    } else if (n.isUint) {
      n.isFloat = true;
      n.float64 = Number(u);
    } else {
      const f = parseGoFloat(text);
      if (f !== undefined) {
        if (!/[.eEpP]/.test(text)) this.errorf(`integer overflow: ${goQuoteString(text)}`);
        n.isFloat = true;
        n.float64 = f;
        if (Number.isInteger(f) && Math.abs(f) < 2 ** 63) {
          n.isInt = true;
          n.int64 = BigInt(f);
        }
        if (Number.isInteger(f) && f >= 0 && f < 2 ** 64) n.isUint = true;
      }
    }
    if (!n.isInt && !n.isUint && !n.isFloat) this.errorf(`illegal number syntax: ${goQuoteString(text)}`);
    return n;
  }
}

function isEmptyTree(n: Node | undefined): boolean {
  if (n === undefined) return true;
  switch (n.type) {
    case 'comment':
      return true;
    case 'list':
      return n.nodes.every(isEmptyTree);
    case 'text':
      // bytes.TrimSpace: Unicode white space.
      return [...n.text].every((ch) => /\s/.test(ch) || ch === '\u0085');
    default:
      return false;
  }
}

// strconv, for the parser's literals.

/** underscoreOK: underscores only between digits, or after a base prefix. */
function underscoreOK(s0: string): boolean {
  let s = s0;
  let saw = '^';
  let i = 0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'boxBOX'.includes(s[1]!)) {
    i = 2;
    saw = '0';
    hex = s[1] === 'x' || s[1] === 'X';
  }
  for (; i < s.length; i++) {
    const c = s[i]!;
    if ((c >= '0' && c <= '9') || (hex && /[a-fA-F]/.test(c))) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/** strconv.ParseUint(s, 0, 64): undefined for bad syntax, 'range' for too large. */
function parseGoUint(s0: string): bigint | 'range' | undefined {
  if (s0 === '') return undefined;
  let s = s0;
  let base = 10;
  if (s[0] === '0') {
    const p = s[1]?.toLowerCase();
    if (s.length >= 3 && p === 'b') [base, s] = [2, s.slice(2)];
    else if (s.length >= 3 && p === 'o') [base, s] = [8, s.slice(2)];
    else if (s.length >= 3 && p === 'x') [base, s] = [16, s.slice(2)];
    else [base, s] = [8, s.slice(1)];
  }
  let n = 0n;
  let underscores = false;
  let range = false;
  for (const c of s) {
    if (c === '_') {
      underscores = true;
      continue;
    }
    const l = c.toLowerCase();
    let d: number;
    if (c >= '0' && c <= '9') d = c.charCodeAt(0) - 48;
    else if (l >= 'a' && l <= 'z') d = l.charCodeAt(0) - 87;
    else return undefined;
    if (d >= base) return undefined;
    n = n * BigInt(base) + BigInt(d);
    if (n >= 1n << 64n) range = true;
  }
  if (underscores && !underscoreOK(s0)) return undefined;
  return range ? 'range' : n;
}

/** strconv.ParseInt(s, 0, 64). */
function parseGoInt(s: string): bigint | 'range' | undefined {
  if (s === '') return undefined;
  let neg = false;
  let body = s;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    body = s.slice(1);
  }
  const u = parseGoUint(body);
  if (u === undefined || u === 'range') return u;
  if (!neg && u >= 1n << 63n) return 'range';
  if (neg && u > 1n << 63n) return 'range';
  return neg ? -u : u;
}

/** strconv.ParseFloat(s, 64); undefined for bad syntax or out of range. */
function parseGoFloat(s: string): number | undefined {
  const hex = /^([+-]?)0[xX]([0-9a-fA-F_]*)(?:\.([0-9a-fA-F_]*))?[pP]([+-]?[0-9_]+)$/.exec(s);
  if (hex) {
    if (s.includes('_') && !underscoreOK(s)) return undefined;
    const [, sign, int = '', frac = '', exp = ''] = hex;
    const digits = (int + frac).replaceAll('_', '');
    if (digits === '') return undefined;
    const f =
      Number(BigInt(`0x${digits}`)) *
      2 ** (Number(exp.replaceAll('_', '')) - 4 * frac.replaceAll('_', '').length);
    if (!Number.isFinite(f)) return undefined;
    return sign === '-' ? -f : f;
  }
  // [+-] digits [. digits] [(e|E) [+-] digits], underscores among the digits.
  let i = s[0] === '+' || s[0] === '-' ? 1 : 0;
  const digitsFrom = (j: number) => {
    while (j < s.length && ((s[j]! >= '0' && s[j]! <= '9') || s[j] === '_')) j++;
    return j;
  };
  const mantissa = i;
  i = digitsFrom(i);
  if (s[i] === '.') i = digitsFrom(i + 1);
  if (!/[0-9]/.test(s.slice(mantissa, i))) return undefined;
  if (s[i] === 'e' || s[i] === 'E') {
    i++;
    if (s[i] === '+' || s[i] === '-') i++;
    const exp = i;
    i = digitsFrom(i);
    if (i === exp) return undefined;
  }
  if (i !== s.length) return undefined;
  if (s.includes('_') && !underscoreOK(s)) return undefined;
  const f = Number(s.replaceAll('_', ''));
  return Number.isFinite(f) ? f : undefined;
}

const SIMPLE_ESCAPES: Record<string, number> = {
  a: 7,
  b: 8,
  f: 12,
  n: 10,
  r: 13,
  t: 9,
  v: 11,
  '\\': 92,
};

/**
 * strconv.UnquoteChar over the start of `s`: one rune or byte, and the rest. `quote` is the
 * literal's quote (an escaped quote of the other kind is an error).
 */
function unquoteOne(s: string, quote: string): { value: number; byte: boolean; tail: string } | undefined {
  const c = s[0];
  if (c === undefined) return undefined;
  if (c === quote && (quote === "'" || quote === '"')) return undefined;
  if (c !== '\\') {
    const r = String.fromCodePoint(s.codePointAt(0)!);
    return { value: r.codePointAt(0)!, byte: false, tail: s.slice(r.length) };
  }
  if (s.length <= 1) return undefined;
  const e = s[1]!;
  const rest = s.slice(2);
  if (e in SIMPLE_ESCAPES) return { value: SIMPLE_ESCAPES[e]!, byte: false, tail: rest };
  if (e === "'" || e === '"') {
    if (e !== quote) return undefined;
    return { value: e.charCodeAt(0), byte: false, tail: rest };
  }
  if (e === 'x' || e === 'u' || e === 'U') {
    const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
    const digits = rest.slice(0, n);
    if (digits.length < n || !/^[0-9a-fA-F]+$/.test(digits)) return undefined;
    const v = parseInt(digits, 16);
    if (e === 'x') return { value: v, byte: true, tail: rest.slice(n) };
    if (v > 0x10ffff || (v >= 0xd800 && v < 0xe000)) return undefined;
    return { value: v, byte: false, tail: rest.slice(n) };
  }
  if (e >= '0' && e <= '7') {
    const digits = s.slice(1, 4);
    if (!/^[0-7]{3}$/.test(digits)) return undefined;
    const v = parseInt(digits, 8);
    if (v > 255) return undefined;
    return { value: v, byte: true, tail: s.slice(4) };
  }
  return undefined;
}

function unquoteChar(text: string): { value: number; tail: string } | undefined {
  const r = unquoteOne(text.slice(1), "'");
  return r && { value: r.value, tail: r.tail };
}

/** strconv.Unquote of a "…" or `…` literal; undefined for invalid syntax. */
function unquoteGo(quoted: string): string | undefined {
  if (quoted[0] === '`') return quoted.slice(1, -1).replaceAll('\r', '');
  let s = quoted.slice(1, -1);
  const bytes: number[] = [];
  while (s.length) {
    const r = unquoteOne(s, '"');
    if (r === undefined) return undefined;
    if (r.byte) bytes.push(r.value);
    else bytes.push(...utf8Bytes(String.fromCodePoint(r.value)));
    s = r.tail;
  }
  return utf8String(Uint8Array.from(bytes), 'a string constant');
}

/** Parses a template as template.New("output").Parse does; throws GoTemplateParseError. */
export function parseGoTemplate(text: string): GoTemplate {
  const trees: TreeSet = new Map();
  const t = new Tree('output');
  t.parseTemplate(text, trees);
  return new GoTemplate(trees);
}

// =============================================================================================
// Execution (text/template/exec.go, funcs.go)

/** A Go slice's capacity: JSON arrays decode by appending one element at a time. */
const SIZE_CLASSES = [
  0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352, 384, 416,
  448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200,
  3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240, 10880, 12288, 13568, 14336, 16384,
  18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768,
];

/** runtime.roundupsize for a []interface{} (16-byte elements that hold pointers). */
function roundupsize(size: number): number {
  let req = size;
  if (req <= 32768 - 8) {
    if (req > 512) req += 8;
    const cls = SIZE_CLASSES.find((c) => c >= req)!;
    return cls - (req - size);
  }
  return Math.ceil(req / 8192) * 8192;
}

function decodedCap(len: number): number {
  let cap = 0;
  while (cap < len) {
    const newLen = cap + 1;
    let newcap: number;
    if (newLen > cap * 2) newcap = newLen;
    else if (cap < 256) newcap = cap * 2;
    else {
      newcap = cap;
      while (newcap < newLen) newcap += (newcap + 768) >> 2;
    }
    cap = Math.floor(roundupsize(newcap * 16) / 16);
  }
  return cap;
}

/** Capacities of slices made by `slice` (the rest decoded from JSON). */
const sliceCaps = new WeakMap<unknown[], number>();
const capOf = (a: unknown[]) => sliceCaps.get(a) ?? decodedCap(a.length);

type Val = GoValue | undefined;
/** An absent final argument (exec.go's missingVal). */
const MISSING = Symbol('missing');
type Final = Val | typeof MISSING;

type Kind = 'invalid' | 'interface' | 'map' | 'slice' | 'string' | 'bool' | 'int' | 'uint' | 'float';

function kindOf(v: Val): Kind {
  if (v === undefined) return 'invalid';
  switch (v.type) {
    case 'interface {}':
      return 'interface';
    case 'map[string]interface {}':
      return 'map';
    case '[]interface {}':
      return 'slice';
    case 'string':
      return 'string';
    case 'bool':
      return 'bool';
    case 'float64':
      return 'float';
    case 'uint8':
      return 'uint';
    default:
      return 'int';
  }
}

const iface = (json: unknown) => new GoValue('interface {}', json === undefined ? null : json);

function indirectInterface(v: Val): Val {
  if (v === undefined || v.type !== 'interface {}') return v;
  return concrete(v.v);
}

/** indirect: through interfaces; [value, isNil]. */
function indirect(v: Val): [Val, boolean] {
  if (v !== undefined && v.type === 'interface {}') {
    if (v.v === null) return [v, true];
    return [concrete(v.v), false];
  }
  return [v, false];
}

function isTrue(val: Val): [boolean, boolean] {
  if (val === undefined) return [false, true];
  switch (kindOf(val)) {
    case 'map':
      return [Object.keys(val.v as object).length > 0, true];
    case 'slice':
      return [(val.v as unknown[]).length > 0, true];
    case 'string':
      return [(val.v as string).length > 0, true];
    case 'bool':
      return [val.v as boolean, true];
    case 'interface':
      return [val.v !== null, true];
    default:
      return [Number(val.v) !== 0, true];
  }
}

const truth = (v: Val) => isTrue(indirectInterface(v))[0];

/** reflect.Value.String(): the string itself, or `<T Value>`. */
function valueString(v: Val): string {
  if (v === undefined) return '<invalid Value>';
  if (v.type === 'string') return v.v as string;
  return `<${v.type} Value>`;
}

/** What fmt gets for an interface{} parameter: the concrete value, or nil. */
function asAny(v: Val): GoAny {
  if (v === undefined) return null;
  if (v.type === 'interface {}') return concrete(v.v) ?? null;
  return v;
}

/** A function's error (its `error` result, or a reflect panic safeCall recovered). */
class FuncError extends Error {}

type ParamType = 'value' | 'any' | 'string';

interface Builtin {
  fixed: ParamType[];
  variadic?: ParamType;
  call(args: unknown[], state: State): Val;
}

const str = (s: string) => new GoValue('string', s);
const bool = (b: boolean) => new GoValue('bool', b);

/** indexArg: an index for a slice, array or string of length `cap`. */
function indexArg(index: Val, cap: number): number {
  let x: number;
  switch (kindOf(index)) {
    case 'int':
    case 'uint':
      x = Number(index!.v);
      break;
    case 'invalid':
      throw new FuncError('cannot index slice/array with nil');
    default:
      throw new FuncError(`cannot index slice/array with type ${index!.type}`);
  }
  if (x < 0 || x > cap) throw new FuncError(`index out of range: ${x}`);
  return x;
}

type BasicKind = 'invalid' | 'bool' | 'int' | 'uint' | 'float' | 'string';

function basicKind(v: Val): BasicKind {
  const k = kindOf(v);
  return k === 'bool' || k === 'int' || k === 'uint' || k === 'float' || k === 'string' ? k : 'invalid';
}

const numberOf = (v: Val) => v!.v as number;

function isNilValue(v: Val): boolean {
  if (v === undefined) return true;
  const k = kindOf(v);
  return k === 'interface' && v.v === null;
}

function eq(arg1: Val, arg2: Val[]): boolean {
  arg1 = indirectInterface(arg1);
  if (arg2.length === 0) throw new FuncError('missing argument for comparison');
  const k1 = basicKind(arg1);
  for (let arg of arg2) {
    arg = indirectInterface(arg);
    const k2 = basicKind(arg);
    let t = false;
    if (k1 !== k2) {
      if (k1 === 'int' && k2 === 'uint') t = numberOf(arg1) >= 0 && numberOf(arg1) === numberOf(arg);
      else if (k1 === 'uint' && k2 === 'int') t = numberOf(arg) >= 0 && numberOf(arg1) === numberOf(arg);
      else if (arg1 !== undefined && arg !== undefined)
        throw new FuncError('incompatible types for comparison');
    } else if (k1 === 'invalid') {
      if (kindOf(arg1) !== kindOf(arg) && arg1 !== undefined && arg !== undefined)
        throw new FuncError(
          `non-comparable types ${sprintValue(arg1, 's')}: ${arg1.type}, ${arg!.type}: ${sprintValue(arg)}`,
        );
      if (isNilValue(arg1) || isNilValue(arg)) t = isNilValue(arg) === isNilValue(arg1);
      else throw new FuncError(`non-comparable type ${sprintValue(arg, 's')}: ${arg!.type}`);
    } else if (k1 === 'int' || k1 === 'uint') t = BigInt(arg1!.v as number) === BigInt(arg!.v as number);
    else t = arg1!.v === arg!.v;
    if (t) return true;
  }
  return false;
}

function lt(arg1: Val, arg2: Val): boolean {
  arg1 = indirectInterface(arg1);
  const k1 = basicKind(arg1);
  if (k1 === 'invalid') throw new FuncError('invalid type for comparison');
  arg2 = indirectInterface(arg2);
  const k2 = basicKind(arg2);
  if (k2 === 'invalid') throw new FuncError('invalid type for comparison');
  if (k1 !== k2) {
    if (k1 === 'int' && k2 === 'uint') return numberOf(arg1) < 0 || numberOf(arg1) < numberOf(arg2);
    if (k1 === 'uint' && k2 === 'int') return numberOf(arg2) >= 0 && numberOf(arg1) < numberOf(arg2);
    throw new FuncError('incompatible types for comparison');
  }
  if (k1 === 'bool') throw new FuncError('invalid type for comparison');
  if (k1 === 'string') return compareBytes(arg1!.v as string, arg2!.v as string) < 0;
  return numberOf(arg1) < numberOf(arg2);
}

const le = (a: Val, b: Val) => lt(a, b) || eq(a, [b]);

/** evalArgs of html, js and urlquery: fmt.Sprint of the arguments, `<no value>` for nil. */
function evalArgs(args: unknown[]): string {
  const vals = args as Val[];
  if (vals.length === 1 && vals[0] !== undefined) {
    const a = asAny(vals[0]);
    if (a !== null && a.type === 'string') return a.v as string;
  }
  return sprint(
    vals.map((v) => {
      const a = asAny(v);
      return a === null ? str('<no value>') : a;
    }),
  );
}

function htmlEscape(s: string): string {
  return s.replace(/['"&<>\0]/g, (c) =>
    c === "'"
      ? '&#39;'
      : c === '"'
        ? '&#34;'
        : c === '&'
          ? '&amp;'
          : c === '<'
            ? '&lt;'
            : c === '>'
              ? '&gt;'
              : '\ufffd',
  );
}

function jsEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const r = ch.codePointAt(0)!;
    if (r < 0x80) {
      switch (ch) {
        case '\\':
          out += '\\\\';
          continue;
        case "'":
          out += "\\'";
          continue;
        case '"':
          out += '\\"';
          continue;
        case '<':
          out += '\\u003C';
          continue;
        case '>':
          out += '\\u003E';
          continue;
        case '&':
          out += '\\u0026';
          continue;
        case '=':
          out += '\\u003D';
          continue;
      }
      if (r < 0x20) out += `\\u00${r.toString(16).toUpperCase().padStart(2, '0')}`;
      else out += ch;
    } else if (isPrint(r)) out += ch;
    else out += `\\u${r.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return out;
}

function urlQueryEscape(s: string): string {
  let out = '';
  for (const b of utf8Bytes(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** encoding/base64's StdEncoding.DecodeString (decodeQuantum by quantum), with its errors. */
function base64Decode(s: string): Uint8Array {
  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const src = utf8Bytes(s);
  const out: number[] = [];
  const corrupt = (at: number) =>
    new FuncError(`base64 decode failed: illegal base64 data at input byte ${at}`);
  const skipNewlines = (i: number) => {
    while (i < src.length && (src[i] === 10 || src[i] === 13)) i++;
    return i;
  };
  let si = 0;
  while (si < src.length) {
    const dbuf = [0, 0, 0, 0];
    let dlen = 4;
    let trailing: number | undefined;
    for (let j = 0; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return Uint8Array.from(out);
        throw corrupt(si - j);
      }
      const c = src[si]!;
      si++;
      const d = ALPHABET.indexOf(String.fromCharCode(c));
      if (d >= 0 && c < 128) {
        dbuf[j] = d;
        continue;
      }
      if (c === 10 || c === 13) {
        j--;
        continue;
      }
      if (c !== 61) throw corrupt(si - 1);
      if (j === 0 || j === 1) throw corrupt(si - 1);
      if (j === 2) {
        si = skipNewlines(si);
        if (si === src.length) throw corrupt(src.length);
        if (src[si] !== 61) throw corrupt(si - 1);
        si++;
      }
      si = skipNewlines(si);
      if (si < src.length) trailing = si;
      dlen = j;
      break;
    }
    const val = (dbuf[0]! << 18) | (dbuf[1]! << 12) | (dbuf[2]! << 6) | dbuf[3]!;
    out.push(...[(val >> 16) & 255, (val >> 8) & 255, val & 255].slice(0, dlen - 1));
    if (trailing !== undefined) throw corrupt(trailing);
  }
  return Uint8Array.from(out);
}

const BUILTINS: Record<string, Builtin> = {
  and: { fixed: ['value'], variadic: 'value', call: () => undefined },
  or: { fixed: ['value'], variadic: 'value', call: () => undefined },
  not: { fixed: ['value'], call: ([a]) => bool(!truth(a as Val)) },
  call: {
    fixed: ['value'],
    variadic: 'value',
    call: ([name, fn]) => {
      const f = indirectInterface(fn as Val);
      if (f === undefined) throw new FuncError('call of nil');
      throw new FuncError(`non-function ${name as string} of type ${f.type}`);
    },
  },
  html: { fixed: [], variadic: 'any', call: (args) => str(htmlEscape(evalArgs(args))) },
  js: { fixed: [], variadic: 'any', call: (args) => str(jsEscape(evalArgs(args))) },
  urlquery: { fixed: [], variadic: 'any', call: (args) => str(urlQueryEscape(evalArgs(args))) },
  print: { fixed: [], variadic: 'any', call: (args) => str(sprint((args as Val[]).map(asAny))) },
  println: { fixed: [], variadic: 'any', call: (args) => str(sprintln((args as Val[]).map(asAny))) },
  printf: {
    fixed: ['string'],
    variadic: 'any',
    call: ([format, ...args]) => str(sprintf(format as string, (args as Val[]).map(asAny))),
  },
  len: {
    fixed: ['value'],
    call: ([a]) => {
      const [item, isNil] = indirect(a as Val);
      if (isNil) throw new FuncError('len of nil pointer');
      switch (kindOf(item)) {
        case 'map':
          return new GoValue('int', Object.keys(item!.v as object).length);
        case 'slice':
          return new GoValue('int', (item!.v as unknown[]).length);
        case 'string':
          return new GoValue('int', utf8Bytes(item!.v as string).length);
        case 'invalid':
          throw new FuncError('reflect: call of reflect.Value.Type on zero Value');
      }
      throw new FuncError(`len of type ${item!.type}`);
    },
  },
  index: {
    fixed: ['value'],
    variadic: 'value',
    call: ([first, ...indexes]) => {
      let item = indirectInterface(first as Val);
      if (item === undefined) throw new FuncError('index of untyped nil');
      for (let index of indexes as Val[]) {
        index = indirectInterface(index);
        let isNil: boolean;
        [item, isNil] = indirect(item);
        if (isNil) throw new FuncError('index of nil pointer');
        switch (kindOf(item)) {
          case 'slice': {
            const a = item!.v as unknown[];
            const x = indexArg(index, a.length);
            if (x >= a.length) throw new FuncError('reflect: slice index out of range');
            item = iface(a[x]);
            break;
          }
          case 'string': {
            const b = utf8Bytes(item!.v as string);
            const x = indexArg(index, b.length);
            if (x >= b.length) throw new FuncError('reflect: string index out of range');
            item = new GoValue('uint8', b[x]!);
            break;
          }
          case 'map': {
            if (index === undefined) throw new FuncError('value is nil; should be of type string');
            if (index.type !== 'string')
              throw new FuncError(`value has type ${index.type}; should be string`);
            const o = item!.v as Record<string, unknown>;
            const key = index.v as string;
            item = Object.hasOwn(o, key) && o[key] !== undefined ? iface(o[key]) : iface(null);
            break;
          }
          default:
            throw new FuncError(`can't index item of type ${item!.type}`);
        }
      }
      return item;
    },
  },
  slice: {
    fixed: ['value'],
    variadic: 'value',
    call: ([first, ...indexes]) => {
      const item = indirectInterface(first as Val);
      if (item === undefined) throw new FuncError('slice of untyped nil');
      if (indexes.length > 3) throw new FuncError(`too many slice indexes: ${indexes.length}`);
      let cap: number;
      let len: number;
      const k = kindOf(item);
      let bytes: Uint8Array | undefined;
      if (k === 'string') {
        if (indexes.length === 3) throw new FuncError('cannot 3-index slice a string');
        bytes = utf8Bytes(item.v as string);
        cap = len = bytes.length;
      } else if (k === 'slice') {
        len = (item.v as unknown[]).length;
        cap = capOf(item.v as unknown[]);
      } else throw new FuncError(`can't slice item of type ${item.type}`);
      const idx = [0, len, 0];
      // Unlike index's, slice's indexes are not taken out of their interface{}.
      (indexes as Val[]).forEach((index, i) => {
        idx[i] = indexArg(index, cap);
      });
      if (idx[0]! > idx[1]!) throw new FuncError(`invalid slice index: ${idx[0]} > ${idx[1]}`);
      if (indexes.length === 3 && idx[1]! > idx[2]!)
        throw new FuncError(`invalid slice index: ${idx[1]} > ${idx[2]}`);
      if (bytes) return str(utf8String(bytes.slice(idx[0], idx[1]), 'slice'));
      const a = item.v as unknown[];
      const out: unknown[] = [];
      for (let i = idx[0]!; i < idx[1]!; i++) out.push(i < a.length ? (a[i] ?? null) : null);
      sliceCaps.set(out, (indexes.length === 3 ? idx[2]! : cap) - idx[0]!);
      return new GoValue('[]interface {}', out);
    },
  },
  eq: { fixed: ['value'], variadic: 'value', call: ([a, ...b]) => bool(eq(a as Val, b as Val[])) },
  ne: { fixed: ['value', 'value'], call: ([a, b]) => bool(!eq(a as Val, [b as Val])) },
  lt: { fixed: ['value', 'value'], call: ([a, b]) => bool(lt(a as Val, b as Val)) },
  le: { fixed: ['value', 'value'], call: ([a, b]) => bool(le(a as Val, b as Val)) },
  gt: { fixed: ['value', 'value'], call: ([a, b]) => bool(!le(a as Val, b as Val)) },
  ge: { fixed: ['value', 'value'], call: ([a, b]) => bool(!lt(a as Val, b as Val)) },
  exists: {
    fixed: ['any'],
    variadic: 'any',
    call: ([first, ...indices]) => {
      let v: Val = asAny(first as Val) ?? undefined;
      for (const i of indices as Val[]) {
        const index = asAny(i) ?? undefined;
        let isNil: boolean;
        [v, isNil] = indirect(v);
        if (isNil) return bool(false);
        switch (kindOf(v)) {
          case 'slice':
          case 'string': {
            const k = kindOf(index);
            if (k !== 'int' && k !== 'uint') return bool(false);
            const x = index!.v as number;
            if (kindOf(v) === 'slice') {
              const a = v!.v as unknown[];
              if (x < 0 || x >= a.length) return bool(false);
              v = iface(a[x]);
            } else {
              const b = utf8Bytes(v!.v as string);
              if (x < 0 || x >= b.length) return bool(false);
              v = new GoValue('uint8', b[x]!);
            }
            break;
          }
          case 'map': {
            const key = index === undefined ? str('') : index;
            if (key.type !== 'string') return bool(false);
            const o = v!.v as Record<string, unknown>;
            v =
              Object.hasOwn(o, key.v as string) && o[key.v as string] !== undefined
                ? iface(o[key.v as string])
                : iface(null);
            break;
          }
          default:
            return bool(false);
        }
      }
      return bool(!indirect(v)[1]);
    },
  },
  base64decode: {
    fixed: ['string'],
    call: ([s]) => str(utf8String(base64Decode(s as string), 'base64decode')),
  },
};

/** A template's error while executing (ExecError): the message as Go formats it. */
class ExecFailure extends Error {}

/** {{break}} and {{continue}}, unwinding to their range. */
class WalkBreak {}
class WalkContinue {}

interface Variable {
  name: string;
  value: Val;
}

class State {
  node: Node | undefined;
  vars: Variable[];
  out: string[] = [];
  work = 0;
  depth = 0;

  constructor(
    readonly template: GoTemplate,
    public tmplName: string,
    readonly missingKeyError: boolean,
    dot: Val,
  ) {
    this.vars = [{ name: '$', value: dot }];
  }

  spend(n: number): void {
    this.work += n;
    if (this.work > GO_TEMPLATE_BUDGET)
      throw new GoNotSimulated(
        `templates that do more than ${GO_TEMPLATE_BUDGET} steps of work are not simulated`,
      );
  }

  write(s: string): void {
    this.spend(1 + Math.floor(s.length / 64));
    this.out.push(s);
  }

  at(node: Node): void {
    this.node = node;
  }

  errorf(message: string): never {
    if (this.node === undefined) throw new ExecFailure(`template: ${this.tmplName}: ${message}`);
    const [location, context] = errorContext(this.node);
    throw new ExecFailure(
      `template: ${location}: executing ${goQuoteString(this.tmplName)} at <${context}>: ${message}`,
    );
  }

  mark(): number {
    return this.vars.length;
  }
  pop(mark: number): void {
    this.vars.length = mark;
  }
  push(name: string, value: Val): void {
    this.vars.push({ name, value });
  }
  setVar(name: string, value: Val): void {
    for (let i = this.vars.length - 1; i >= 0; i--)
      if (this.vars[i]!.name === name) {
        this.vars[i]!.value = value;
        return;
      }
    this.errorf(`undefined variable: ${name}`);
  }
  setTopVar(n: number, value: Val): void {
    this.vars[this.vars.length - n]!.value = value;
  }
  varValue(name: string): Val {
    for (let i = this.vars.length - 1; i >= 0; i--)
      if (this.vars[i]!.name === name) return this.vars[i]!.value;
    this.errorf(`undefined variable: ${name}`);
  }

  walk(dot: Val, node: Node): void {
    this.spend(1);
    this.at(node);
    switch (node.type) {
      case 'action': {
        const val = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, val);
        return;
      }
      case 'break':
        throw new WalkBreak();
      case 'continue':
        throw new WalkContinue();
      case 'comment':
        return;
      case 'if':
      case 'with':
        return this.walkIfOrWith(node.type, dot, node.pipe, node.list, node.elseList);
      case 'list':
        for (const n of node.nodes) this.walk(dot, n);
        return;
      case 'range':
        return this.walkRange(dot, node);
      case 'template':
        return this.walkTemplate(dot, node);
      case 'text':
        this.write(node.text);
        return;
      default:
        this.errorf(`unknown node: ${nodeString(node)}`);
    }
  }

  walkIfOrWith(
    typ: 'if' | 'with',
    dot: Val,
    pipe: PipeNode,
    list: ListNode,
    elseList: ListNode | undefined,
  ): void {
    const mark = this.mark();
    try {
      const val = this.evalPipeline(dot, pipe);
      const [t, ok] = isTrue(indirectInterface(val));
      if (!ok) this.errorf(`if/with can't use ${sprintValue(val)}`);
      if (t) this.walk(typ === 'with' ? val : dot, list);
      else if (elseList) this.walk(dot, elseList);
    } finally {
      this.pop(mark);
    }
  }

  walkRange(dot: Val, r: BranchNode): void {
    this.at(r);
    const outer = this.mark();
    try {
      const [val] = indirect(this.evalPipeline(dot, r.pipe));
      const mark = this.mark();
      const oneIteration = (index: Val, elem: Val): boolean => {
        this.spend(1);
        if (r.pipe.decl.length > 0) {
          if (r.pipe.isAssign) {
            if (r.pipe.decl.length > 1) this.setVar(r.pipe.decl[0]!.ident[0]!, index);
            else this.setVar(r.pipe.decl[0]!.ident[0]!, elem);
          } else this.setTopVar(1, elem);
        }
        if (r.pipe.decl.length > 1) {
          if (r.pipe.isAssign) this.setVar(r.pipe.decl[1]!.ident[0]!, elem);
          else this.setTopVar(2, index);
        }
        try {
          this.walk(elem, r.list);
        } catch (e) {
          if (e instanceof WalkBreak) return false;
          if (!(e instanceof WalkContinue)) throw e;
        } finally {
          this.pop(mark);
        }
        return true;
      };
      switch (kindOf(val)) {
        case 'slice': {
          const a = val!.v as unknown[];
          if (a.length === 0) break;
          for (let i = 0; i < a.length; i++) if (!oneIteration(new GoValue('int', i), iface(a[i]))) break;
          return;
        }
        case 'map': {
          const o = val!.v as Record<string, unknown>;
          const keys = Object.keys(o)
            .filter((k) => o[k] !== undefined)
            .sort(compareBytes);
          if (keys.length === 0) break;
          for (const k of keys) if (!oneIteration(str(k), iface(o[k]))) break;
          return;
        }
        case 'int':
        case 'uint': {
          if (r.pipe.decl.length > 1)
            this.errorf(`can't use ${sprintValue(val)} to iterate over more than one variable`);
          const n = val!.v as number;
          if (n <= 0) break;
          for (let i = 0; i < n; i++) if (!oneIteration(undefined, new GoValue(val!.type, i))) break;
          return;
        }
        case 'invalid':
          break;
        default:
          this.errorf(`range can't iterate over ${sprintValue(val)}`);
      }
      if (r.elseList) this.walk(dot, r.elseList);
    } finally {
      this.pop(outer);
    }
  }

  walkTemplate(dot: Val, t: TemplateNode): void {
    this.at(t);
    const tree = this.template.trees.get(t.name);
    if (tree === undefined) this.errorf(`template ${goQuoteString(t.name)} not defined`);
    if (this.depth >= GO_TEMPLATE_MAX_DEPTH)
      throw new GoNotSimulated(
        `templates that call templates more than ${GO_TEMPLATE_MAX_DEPTH} deep are not simulated`,
      );
    dot = this.evalPipeline(dot, t.pipe);
    const saved = { vars: this.vars, name: this.tmplName };
    this.depth++;
    this.tmplName = t.name;
    this.vars = [{ name: '$', value: dot }];
    try {
      this.walk(dot, tree.root!);
    } finally {
      this.depth--;
      this.vars = saved.vars;
      this.tmplName = saved.name;
    }
  }

  evalPipeline(dot: Val, pipe: PipeNode | undefined): Val {
    if (pipe === undefined) return undefined;
    this.at(pipe);
    let value: Final = MISSING;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value);
      // An interface{} holds what is inside it from here on (a nil one, nothing).
      if (value !== undefined && value.type === 'interface {}') value = concrete(value.v);
    }
    const result = value as Val;
    for (const variable of pipe.decl) {
      if (pipe.isAssign) this.setVar(variable.ident[0]!, result);
      else this.push(variable.ident[0]!, result);
    }
    return result;
  }

  notAFunction(args: Node[] | undefined, final: Final): void {
    if ((args && args.length > 1) || final !== MISSING)
      this.errorf(`can't give argument to non-function ${nodeString(args![0]!)}`);
  }

  evalCommand(dot: Val, cmd: CommandNode, final: Final): Val {
    this.spend(1);
    const firstWord = cmd.args[0]!;
    switch (firstWord.type) {
      case 'field':
        return this.evalFieldNode(dot, firstWord, cmd.args, final);
      case 'chain':
        return this.evalChainNode(dot, firstWord, cmd.args, final);
      case 'identifier':
        return this.evalFunction(dot, firstWord, cmd, cmd.args, final);
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, firstWord);
      case 'variable':
        return this.evalVariableNode(firstWord, cmd.args, final);
    }
    this.at(firstWord);
    this.notAFunction(cmd.args, final);
    switch (firstWord.type) {
      case 'bool':
        return bool(firstWord.value);
      case 'dot':
        return dot;
      case 'nil':
        return this.errorf('nil is not a command');
      case 'number':
        return this.idealConstant(firstWord);
      case 'string':
        return str(firstWord.text);
    }
    this.errorf(`can't evaluate command ${goQuoteString(nodeString(firstWord))}`);
  }

  idealConstant(constant: NumberNode): Val {
    this.at(constant);
    const t = constant.text;
    const isHexInt = t.length > 2 && t[0] === '0' && (t[1] === 'x' || t[1] === 'X') && !/[pP]/.test(t);
    const isRuneInt = t[0] === "'";
    if (constant.isFloat && !isHexInt && !isRuneInt && /[.eEpP]/.test(t))
      return new GoValue('float64', constant.float64);
    if (constant.isInt) {
      const n = Number(constant.int64);
      return new GoValue('int', Number.isSafeInteger(n) ? n : constant.int64);
    }
    if (constant.isUint) this.errorf(`${t} overflows int`);
    return undefined;
  }

  evalFieldNode(dot: Val, field: FieldNode, args: Node[] | undefined, final: Final): Val {
    this.at(field);
    return this.evalFieldChain(dot, field.ident, args, final);
  }

  evalChainNode(dot: Val, chain: ChainNode, args: Node[] | undefined, final: Final): Val {
    this.at(chain);
    if (chain.node.type === 'nil') this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const pipe = this.evalArg(dot, undefined, chain.node) as Val;
    return this.evalFieldChain(pipe, chain.field, args, final);
  }

  evalVariableNode(variable: VariableNode, args: Node[] | undefined, final: Final): Val {
    this.at(variable);
    const value = this.varValue(variable.ident[0]!);
    if (variable.ident.length === 1) {
      this.notAFunction(args, final);
      return value;
    }
    return this.evalFieldChain(value, variable.ident.slice(1), args, final);
  }

  evalFieldChain(receiver: Val, ident: string[], args: Node[] | undefined, final: Final): Val {
    const n = ident.length;
    for (let i = 0; i < n - 1; i++) receiver = this.evalField(ident[i]!, undefined, MISSING, receiver);
    return this.evalField(ident[n - 1]!, args, final, receiver);
  }

  evalField(fieldName: string, args: Node[] | undefined, final: Final, receiver: Val): Val {
    this.spend(1);
    if (receiver === undefined) {
      if (this.missingKeyError) this.errorf(`nil data; no entry for key ${goQuoteString(fieldName)}`);
      return undefined;
    }
    const typ = receiver.type;
    const [r, isNil] = indirect(receiver);
    if (isNil) this.errorf(`nil pointer evaluating ${typ}.${fieldName}`);
    const hasArgs = (args !== undefined && args.length > 1) || final !== MISSING;
    if (kindOf(r) === 'map') {
      if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
      const o = r!.v as Record<string, unknown>;
      if (Object.hasOwn(o, fieldName) && o[fieldName] !== undefined) return iface(o[fieldName]);
      if (this.missingKeyError) this.errorf(`map has no entry for key ${goQuoteString(fieldName)}`);
      return undefined;
    }
    this.errorf(`can't evaluate field ${fieldName} in type ${typ}`);
  }

  evalFunction(dot: Val, node: IdentifierNode, cmd: Node, args: Node[] | undefined, final: Final): Val {
    this.at(node);
    const fn = BUILTINS[node.ident];
    if (fn === undefined) this.errorf(`${goQuoteString(node.ident)} is not a defined function`);
    return this.evalCall(dot, fn, cmd, node.ident, args, final);
  }

  evalCall(dot: Val, fn: Builtin, node: Node, name: string, allArgs: Node[] | undefined, final: Final): Val {
    const args = allArgs ? allArgs.slice(1) : [];
    let numIn = args.length;
    if (final !== MISSING) numIn++;
    let numFixed = args.length;
    if (fn.variadic) {
      numFixed = fn.fixed.length;
      if (numIn < numFixed)
        this.errorf(`wrong number of args for ${name}: want at least ${fn.fixed.length} got ${args.length}`);
    } else if (numIn !== fn.fixed.length)
      this.errorf(`wrong number of args for ${name}: want ${fn.fixed.length} got ${numIn}`);

    if (name === 'and' || name === 'or') {
      let v: Val = undefined;
      for (const arg of args) {
        v = this.evalArg(dot, 'value', arg) as Val;
        if (truth(v) === (name === 'or')) return v;
      }
      if (final !== MISSING) v = this.validateType(final, 'value') as Val;
      return v;
    }

    const typeOf = (i: number): ParamType =>
      i < fn.fixed.length ? fn.fixed[i]! : (fn.variadic ?? fn.fixed[fn.fixed.length - 1]!);
    const argv: unknown[] = [];
    let i = 0;
    for (; i < numFixed && i < args.length; i++) argv.push(this.evalArg(dot, fn.fixed[i], args[i]!));
    if (fn.variadic) for (; i < args.length; i++) argv.push(this.evalArg(dot, fn.variadic, args[i]!));
    if (final !== MISSING) {
      let t = typeOf(fn.fixed.length - 1);
      if (fn.variadic) t = numIn - 1 < numFixed ? fn.fixed[numIn - 1]! : fn.variadic;
      argv.push(this.validateType(final, t));
    }
    if (name === 'call') {
      const callee = args.length === 0 ? valueString(final as Val) : nodeString(args[0]!);
      argv.unshift(callee);
    }
    try {
      return fn.call(argv, this);
    } catch (e) {
      if (e instanceof FuncError) {
        this.at(node);
        this.errorf(`error calling ${name}: ${e.message}`);
      }
      throw e;
    }
  }

  /** validateType: a value for a parameter (undefined: the untyped operand of a chain). */
  validateType(value: Final, typ: ParamType | undefined): unknown {
    const v = value === MISSING ? undefined : value;
    if (v === undefined) {
      if (typ === undefined || typ === 'value') return undefined;
      if (typ === 'any') return iface(null);
      this.errorf(`invalid value; expected ${typ}`);
    }
    if (typ === 'string') {
      if (v.type === 'string') return v.v as string;
      let w = v;
      if (v.type === 'interface {}' && v.v !== null) {
        w = concrete(v.v)!;
        if (w.type === 'string') return w.v as string;
      }
      this.errorf(`wrong type for value; expected string; got ${w.type}`);
    }
    return v;
  }

  evalArg(dot: Val, typ: ParamType | undefined, n: Node): unknown {
    this.at(n);
    switch (n.type) {
      case 'dot':
        return this.validateType(dot, typ);
      case 'nil':
        if (typ === 'value') return undefined;
        if (typ === 'any') return iface(null);
        return this.errorf(`cannot assign nil to ${typ ?? '<nil>'}`);
      case 'field':
        return this.validateType(this.evalFieldNode(dot, n, [n], MISSING), typ);
      case 'variable':
        return this.validateType(this.evalVariableNode(n, undefined, MISSING), typ);
      case 'pipe':
        return this.validateType(this.evalPipeline(dot, n), typ);
      case 'identifier':
        return this.validateType(this.evalFunction(dot, n, n, undefined, MISSING), typ);
      case 'chain':
        return this.validateType(this.evalChainNode(dot, n, undefined, MISSING), typ);
    }
    if (typ === 'string') {
      this.at(n);
      if (n.type === 'string') return n.text;
      this.errorf(`expected string; found ${nodeString(n)}`);
    }
    return this.evalEmptyInterface(n);
  }

  evalEmptyInterface(n: Node): Val {
    this.at(n);
    switch (n.type) {
      case 'bool':
        return bool(n.value);
      case 'number':
        return this.idealConstant(n);
      case 'string':
        return str(n.text);
    }
    this.errorf(`can't handle assignment of ${nodeString(n)} to empty interface argument`);
  }

  printValue(n: Node, v: Val): void {
    this.at(n);
    this.write(v === undefined ? '<no value>' : sprint([asAny(v)]));
  }
}

export class GoTemplate {
  constructor(readonly trees: TreeSet) {}

  /**
   * Executes over a JSON value (a decoded object); the output, or GoTemplateExecError with what
   * was written before the error.
   */
  execute(data: unknown, { missingKeyError = false } = {}): string {
    const root = concrete(data);
    const state = new State(this, 'output', missingKeyError, root);
    const tree = this.trees.get('output');
    try {
      if (tree === undefined || tree.root === undefined)
        return state.errorf(`${goQuoteString('output')} is an incomplete or empty template`);
      state.walk(root, tree.root);
    } catch (e) {
      if (e instanceof ExecFailure) throw new GoTemplateExecError(e.message, state.out.join(''));
      throw e;
    }
    return state.out.join('');
  }
}

/** Runs a template once, as kubectl's GoTemplatePrinter does with one object. */
export function runGoTemplate(
  text: string,
  data: unknown,
  options: { missingKeyError?: boolean } = {},
): string {
  return parseGoTemplate(text).execute(data, options);
}

export { isObj, isIntType };
export type { GoType };

/** GoTemplatePrinter.PrintObj's failure: what it wrote (the debugging text too) and its error. */
export class GoTemplatePrintError extends Error {
  constructor(
    message: string,
    readonly stdout: string,
  ) {
    super(message);
    this.name = 'GoTemplatePrintError';
  }
}

/**
 * kubectl's GoTemplatePrinter.PrintObj: the template over the object (`data`, decoded from
 * `rawJson`, the object as json.Marshal wrote it). A failed execution writes what the template
 * wrote, then the template, the raw data and the decoded object to debug by, and fails with
 * `error executing template "…": …` (GoTemplatePrintError).
 */
export function printGoTemplate(
  template: GoTemplate,
  rawTemplate: string,
  data: unknown,
  rawJson: string,
  missingKeyError: boolean,
): string {
  try {
    return template.execute(data, { missingKeyError });
  } catch (e) {
    if (!(e instanceof GoTemplateExecError)) throw e;
    const stdout =
      `${e.partial}Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${rawTemplate}\n` +
      `\traw data was:\n\t\t${rawJson}\n` +
      `\tobject given to template engine was:\n\t\t${sprintValue(concrete(data))}\n\n`;
    throw new GoTemplatePrintError(
      `error executing template ${goQuoteString(rawTemplate)}: ${e.message}`,
      stdout,
    );
  }
}

// =============================================================================================
// kubectl's -o go-template printers (genericclioptions.GoTemplatePrintFlags)

/** The `-o` formats GoTemplatePrintFlags takes. */
export const GO_TEMPLATE_FORMATS = ['go-template', 'go-template-file', 'template', 'templatefile'];

export interface GoTemplateFormat {
  type: 'go-template';
  /** The template text (a file's content for the -file formats). */
  template: string;
  parsed: GoTemplate;
  /** `--allow-missing-template-keys=false`: missingkey=error. */
  strict?: boolean;
}

/** A failure of the simulator's own (what it does not reproduce), as kubectl's error line. */
function notSimulated(e: GoNotSimulated): KubectlError {
  return new KubectlError(`go-template: ${e.message} in Rollout Lab`);
}

/**
 * GoTemplatePrintFlags.ToPrinter for `-o NAME=ARG` (ARG a template, or a file's name for
 * go-template-file and templatefile, read from the scenario's files when `files` is given).
 */
export function goTemplateFormat(
  name: string,
  arg: string,
  files: ReadonlyMap<string, string> | undefined,
): GoTemplateFormat {
  if (!arg) throw new KubectlError('template format specified but no template given');
  let text = arg;
  if (name === 'go-template-file' || name === 'templatefile') {
    if (files === undefined)
      throw new KubectlError(
        `-o ${name} is not simulated for this command in Rollout Lab: use -o go-template=TEMPLATE`,
      );
    const read = files.get(arg) ?? files.get(arg.replace(/^\.\//, ''));
    if (read === undefined)
      throw new KubectlError(`error reading --template ${arg}, open ${arg}: no such file or directory`);
    text = read;
  }
  try {
    return { type: 'go-template', template: text, parsed: parseGoTemplate(text) };
  } catch (e) {
    if (e instanceof GoTemplateParseError)
      throw new KubectlError(`error parsing template ${text}, ${e.message}`);
    if (e instanceof GoNotSimulated) throw notSimulated(e);
    throw e;
  }
}

/**
 * Prints one object (or a List) with the template. `rawJson` is the object as json.Marshal
 * writes it (kubectl shows it when the template fails). A failed template writes its output and
 * kubectl's debugging text through `out` and fails with kubectl's error; without `out` that text
 * comes first in the error, where a terminal shows it just the same.
 */
export function printWithGoTemplate(format: GoTemplateFormat, data: unknown, rawJson: string): string {
  try {
    return printGoTemplate(format.parsed, format.template, data, rawJson, format.strict === true);
  } catch (e) {
    // What the template wrote, and kubectl's dump, go to standard output before the error.
    if (e instanceof GoTemplatePrintError)
      throw Object.assign(new KubectlError(e.message), { stdout: e.stdout });
    if (e instanceof GoNotSimulated) throw notSimulated(e);
    throw e;
  }
}
