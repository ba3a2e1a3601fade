"""What a person types into the journal's search, read into terms both databases' full-text
search can be given safely: words, "a phrase", -word (without it), word* (words that begin so).

Nothing typed is ever syntax to the database: each term's text goes to SQLite FTS5 as a quoted
string and to PostgreSQL as a parameter of phraseto_tsquery, so quotes, operators (AND, OR, NOT,
NEAR), brackets, colons and stars are words or nothing. An unbalanced quote runs to the end.
"""
import re
from dataclasses import dataclass

MAX_TERMS = 16  # more is never a search a person means; it only makes the query slower
WORD = re.compile(r"[^\W_]", re.UNICODE)  # a letter or digit: "_" alone is no word to FTS5
PREFIX_WORD = re.compile(r"[^\W_]+", re.UNICODE)  # only a plain word may end in * (a prefix)
TOKEN = re.compile(r'(-?)"([^"]*)("?)|(\S+)')


@dataclass(frozen=True)
class Term:
    text: str  # a word or a phrase, as typed (the database splits it into its own tokens)
    negated: bool = False
    prefix: bool = False


def parse_query(text):
    """The terms of a search, in order; words without a letter or digit are dropped (none left:
    no search). At least one term is not negated, or there is nothing to look for."""
    terms = []
    for match in TOKEN.finditer(text or ""):
        minus, quoted, _closing, bare = match.groups()
        if bare is not None:
            term = bare_term(bare)
        else:
            term = Term(" ".join(quoted.split()), negated=bool(minus))
        if term is not None and WORD.search(term.text) and term not in terms:
            terms.append(term)
    terms = terms[:MAX_TERMS]
    return terms if any(not term.negated for term in terms) else []


def bare_term(token):
    """A word typed without quotes: a leading - negates it, a trailing * makes it a prefix."""
    negated = token.startswith("-") and len(token) > 1
    word = token[1:] if negated else token
    stripped = word.rstrip("*")
    if stripped != word and PREFIX_WORD.fullmatch(stripped):
        return Term(stripped, negated, prefix=True)
    return Term(word.replace('"', " ").strip(), negated)


def fts5_match(terms):
    """The terms as an FTS5 query of the `note` column: each a quoted string ("" for a quote)."""
    wanted = [term for term in terms if not term.negated]
    unwanted = [term for term in terms if term.negated]
    query = " AND ".join(fts5_string(term) for term in wanted)
    for term in unwanted:
        query += f" NOT {fts5_string(term)}"
    return f"note : ({query})"


def fts5_string(term):
    quoted = '"' + term.text.replace('"', '""') + '"'
    return f"{quoted} *" if term.prefix else quoted
