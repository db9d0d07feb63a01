"""Skip logic: the subset of XLSForm/ODK `relevant` expressions our questionnaires use.

Expressions are written by study staff in JSON definitions and imported spreadsheets, so they are
parsed into a small tree and interpreted here; nothing reaches Python's `eval`. Semantics follow
XPath 1.0 as ODK applies it: an unanswered question is the empty string, `<`/`>` compare numbers
(so an empty or non-numeric value makes them false), and a select-multiple answer is its chosen
values separated by spaces.

Supported: `${name}`, 'string' and "string" literals, numbers, `= != < <= > >=`, `and`, `or`,
`not(...)`, parentheses, `selected(${name}, 'value')`, `count-selected(${name})`.
"""

from __future__ import annotations

import datetime
import math
import operator
import re
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

# The names XLSForm allows for questions (XML element names without namespaces).
NAME_PATTERN = r"[A-Za-z_][A-Za-z0-9_.\-]*"
NAME_RE = re.compile(NAME_PATTERN)

# Deeper nesting is never intended, and unbounded nesting would reach Python's recursion limit.
MAX_DEPTH = 40

FUNCTION_ARITY = {"not": 1, "selected": 2, "count-selected": 1}

_TOKEN_RE = re.compile(
    rf"""
      (?P<space>\s+)
    | \$\{{(?P<ref>{NAME_PATTERN})\}}
    | '(?P<single_quoted>[^']*)'
    | "(?P<double_quoted>[^"]*)"
    | (?P<number>-?(?:\d+(?:\.\d*)?|\.\d+))
    | (?P<op><=|>=|!=|=|<|>)
    | (?P<word>[A-Za-z][A-Za-z0-9\-]*)
    | (?P<punct>[(),])
    """,
    re.VERBOSE,
)
_XPATH_NUMBER_RE = re.compile(r"\s*-?(?:\d+(?:\.\d*)?|\.\d+)\s*")


class SkipLogicError(ValueError):
    """A `relevant` expression that cannot be used; `position` is the 0-based character index."""

    def __init__(self, message: str, position: int) -> None:
        self.position = position
        super().__init__(f"{message} at character {position + 1}")


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    position: int


@dataclass(frozen=True)
class Ref:
    name: str
    position: int


@dataclass(frozen=True)
class Literal:
    value: str | float


@dataclass(frozen=True)
class Compare:
    op: str
    left: Node
    right: Node


@dataclass(frozen=True)
class Logical:
    op: str
    operands: tuple[Node, ...]


@dataclass(frozen=True)
class Call:
    function: str
    args: tuple[Node, ...]


Node = Ref | Literal | Compare | Logical | Call
Value = str | float | bool


def parse(source: str, names: Collection[str] | None = None) -> Node:
    """Parse an expression; with `names`, also refuse references to any other question."""
    tree = _parse(source)
    if names is not None:
        for ref in references(tree):
            if ref.name not in names:
                raise SkipLogicError(f"unknown name '{ref.name}'", ref.position)
    return tree


def evaluate(expression: str | Node, answers: Mapping[str, object]) -> bool:
    """Whether the expression holds for these answers; questions not in `answers` are empty."""
    tree = _parse(expression) if isinstance(expression, str) else expression
    return _boolean(_value(tree, answers))


def references(tree: Node) -> Iterator[Ref]:
    match tree:
        case Ref():
            yield tree
        case Compare(left=left, right=right):
            yield from references(left)
            yield from references(right)
        case Logical(operands=children) | Call(args=children):
            for child in children:
                yield from references(child)


@lru_cache(maxsize=1024)
def _parse(source: str) -> Node:
    parser = _Parser(_tokens(source))
    tree = parser.disjunction()
    parser.finish()
    return tree


def _tokens(source: str) -> list[Token]:
    tokens = []
    position = 0
    while position < len(source):
        match = _TOKEN_RE.match(source, position)
        if match is None:
            raise SkipLogicError(_unexpected_character(source, position), position)
        if match.lastgroup != "space":
            tokens.append(_token(match))
        position = match.end()
    tokens.append(Token("end", "", len(source)))
    return tokens


def _token(match: re.Match[str]) -> Token:
    kind = match.lastgroup or ""
    text = match.group(kind)
    if kind in ("single_quoted", "double_quoted"):
        kind = "string"
    elif kind == "punct":
        kind = text
    return Token(kind, text, match.start())


def _unexpected_character(source: str, position: int) -> str:
    if source.startswith("${", position):
        return "invalid reference (expected ${name})"
    if source[position] in "'\"":
        return "unterminated string"
    return f"unexpected character {source[position]!r}"


def _describe(token: Token) -> str:
    if token.kind == "end":
        return "end of expression"
    if token.kind == "string":
        return f"string {token.text!r}"
    return f"'{token.text}'"


class _Parser:
    """Recursive descent, lowest precedence first: or, and, comparison, primary."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.index = 0
        self.depth = 0

    def peek(self) -> Token:
        return self.tokens[self.index]

    def take(self) -> Token:
        token = self.peek()
        self.index += 1
        return token

    def expect(self, kind: str) -> Token:
        token = self.take()
        if token.kind != kind:
            raise SkipLogicError(f"expected '{kind}' but found {_describe(token)}", token.position)
        return token

    def finish(self) -> None:
        token = self.peek()
        if token.kind != "end":
            raise SkipLogicError(f"unexpected {_describe(token)}", token.position)

    def at_word(self, word: str) -> bool:
        token = self.peek()
        return token.kind == "word" and token.text == word

    def disjunction(self) -> Node:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise SkipLogicError("expression is nested too deeply", self.peek().position)
        node = self.chain("or", self.conjunction)
        self.depth -= 1
        return node

    def conjunction(self) -> Node:
        return self.chain("and", self.comparison)

    def chain(self, word: str, operand: Callable[[], Node]) -> Node:
        # Flat operand lists keep long `a or b or c ...` chains from deepening the tree.
        operands = [operand()]
        while self.at_word(word):
            self.take()
            operands.append(operand())
        return operands[0] if len(operands) == 1 else Logical(word, tuple(operands))

    def comparison(self) -> Node:
        left = self.primary()
        if self.peek().kind != "op":
            return left
        op = self.take().text
        return Compare(op, left, self.primary())

    def primary(self) -> Node:
        token = self.take()
        if token.kind == "ref":
            return Ref(token.text, token.position)
        if token.kind == "string":
            return Literal(token.text)
        if token.kind == "number":
            return Literal(float(token.text))
        if token.kind == "(":
            return self.parenthesised()
        if token.kind == "word" and token.text not in ("and", "or"):
            return self.call(token)
        raise SkipLogicError(f"unexpected {_describe(token)}", token.position)

    def parenthesised(self) -> Node:
        node = self.disjunction()
        self.expect(")")
        return node

    def call(self, name: Token) -> Node:
        arity = FUNCTION_ARITY.get(name.text)
        if arity is None:
            raise SkipLogicError(f"unknown function '{name.text}'", name.position)
        self.expect("(")
        args = self.arguments()
        if len(args) != arity:
            message = f"{name.text}() takes {arity} argument(s), not {len(args)}"
            raise SkipLogicError(message, name.position)
        return Call(name.text, tuple(args))

    def arguments(self) -> list[Node]:
        if self.peek().kind == ")":
            self.take()
            return []
        args = [self.disjunction()]
        while self.peek().kind == ",":
            self.take()
            args.append(self.disjunction())
        self.expect(")")
        return args


def _value(node: Node, answers: Mapping[str, object]) -> Value:
    match node:
        case Ref(name=name):
            return _answer(answers.get(name))
        case Literal(value=value):
            return value
        case Compare(op=op, left=left, right=right):
            return _compare(op, _value(left, answers), _value(right, answers))
        case Logical(op="and", operands=operands):
            return all(_boolean(_value(operand, answers)) for operand in operands)
        case Logical(operands=operands):
            return any(_boolean(_value(operand, answers)) for operand in operands)
        case Call(function=function, args=args):
            return _FUNCTIONS[function](*(_value(arg, answers) for arg in args))
    raise AssertionError(f"unhandled node {node!r}")


def _answer(value: object) -> Value:
    """An answer as XPath sees it; answers arrive as form values, JSON or CSV strings."""
    if value is None:
        return ""
    if isinstance(value, bool | str):
        return value
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, list | tuple | set | frozenset):
        return " ".join(str(choice) for choice in value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


_RELATIONS: dict[str, Callable[[float, float], bool]] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


def _compare(op: str, left: Value, right: Value) -> bool:
    if op in ("=", "!="):
        return _equal(left, right) == (op == "=")
    # NaN compares false either way, which is what makes `${age} > 18` false when unanswered.
    return _RELATIONS[op](_number(left), _number(right))


def _equal(left: Value, right: Value) -> bool:
    if isinstance(left, bool) or isinstance(right, bool):
        return _boolean(left) == _boolean(right)
    if isinstance(left, float) or isinstance(right, float):
        return _number(left) == _number(right)
    return left == right


def _number(value: Value) -> float:
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, float):
        return value
    return float(value) if _XPATH_NUMBER_RE.fullmatch(value) else math.nan


def _string(value: Value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value)
    return value


def _boolean(value: Value) -> bool:
    if isinstance(value, float):
        return not (value == 0 or math.isnan(value))
    return bool(value)


def _not(value: Value) -> bool:
    return not _boolean(value)


def _selected(answer: Value, choice: Value) -> bool:
    return _string(choice) in _string(answer).split()


def _count_selected(answer: Value) -> float:
    return float(len(_string(answer).split()))


_FUNCTIONS: dict[str, Callable[..., Value]] = {
    "not": _not,
    "selected": _selected,
    "count-selected": _count_selected,
}
