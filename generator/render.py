"""Stage 4, render: fact sheets to the generated pages of the site (Markdown through the Jinja2 templates, plus JSON).

Article text is untrusted. It reaches the templates as data only (never as template source), and every
value a template prints goes through `escape_markdown` unless the code here wrapped it in `Markup` because
it built it from trusted parts (slugs, anchors, HTML whose text was escaped piece by piece). So forgetting a
filter in a template cannot turn article text into markup.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import html
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

import yaml
from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from jinja2.bccache import Bucket
from markupsafe import Markup

from generator.actors import has_page
from generator.config import Settings
from generator.deals import DealEdits, MentionKey, deal_of, group_deals
from generator.model import Agreement, Commentary, Condition, Deal, DealEvent, FactSheet, Party, PartyKind, Quote, Site, Span
from generator.slugs import slugify

# How many fact sheets the home page lists; the fact-sheet index lists all of them.
LATEST_COUNT = 10
# The corpus diagram on the parties index keeps only the strongest relations: Mermaid lays out a few
# dozen edges readably and refuses large diagrams outright (its maxEdges / maxTextSize limits).
CORPUS_DIAGRAM_EDGES = 40
MERMAID_LABEL_LENGTH = 60
EVIDENCE_LENGTH = 600

# One letter per kind of fact: fact labels ("Q3"), anchors ("fact-q3") and the CSS class of a mark ("fs-quote").
FACT_KINDS = {"agreement": "A", "condition": "C", "quote": "Q", "commentary": "E"}
KIND_NAMES = {"agreement": "Agreement", "condition": "Demand", "quote": "Quote", "commentary": "Expert commentary"}


# --- escaping -----------------------------------------------------------------------------------------

# C0 controls (but tab and newline) and DEL: Python-Markdown uses \x02/\x03 as its own placeholders, so
# letting them through would let text address stashed HTML; none of them is printable anyway.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_WHITESPACE = re.compile(r"\s+")
# Every character that starts Markdown or HTML syntax anywhere in a line, as a numeric character reference:
# HTML specials (& < > and the double quote our attributes use); links and images ([ ] !: without brackets no
# "(javascript:...)" can become a link target, so parentheses and colons stay as they are); emphasis and code
# (* _ `); attribute lists and template-looking braces ({ }); headings (#); tables (|); backslash escapes;
# strike/super/subscript (~ ^). Apostrophes, parentheses and colons are common in news text and harmless here:
# leaving them makes pages smaller and Markdown faster.
_MARKDOWN_SPECIALS = str.maketrans({c: f"&#{ord(c)};" for c in "&<>\"\\`*_{}[]#+!|~^"})
# Characters that are block syntax only at the start of a line: list bullets, setext underlines, ordered lists.
_LEADING_BLOCK_SYNTAX = re.compile(r"^ ?(?:[-=]|\d+[.)])")


# Kept: a page listing every article prints the same names, labels and statuses tens of thousands of times over.
@functools.lru_cache(maxsize=1 << 14)
def escape_markdown(text: str) -> str:
    """Untrusted text as one line of Markdown that renders as exactly this text, never as markup.

    Safe in Markdown paragraphs, headings, list items, table cells, link text and double-quoted HTML attributes:
    whitespace runs (newlines included) collapse to one space, control characters are dropped, and every
    Markdown or HTML special character becomes a numeric character reference. This is the one function all
    article text goes through on its way into a Markdown page.
    """
    line = _WHITESPACE.sub(" ", _CONTROL_CHARS.sub("", text))
    escaped = line.translate(_MARKDOWN_SPECIALS)
    lead = _LEADING_BLOCK_SYNTAX.match(escaped)
    if lead:
        marker = lead.group()
        escaped = marker[:-1] + f"&#{ord(marker[-1])};" + escaped[len(marker) :]
    return escaped


def escape_html(text: str) -> str:
    """Untrusted text for raw HTML blocks (which Markdown leaves alone) and HTML attribute values."""
    return html.escape(_CONTROL_CHARS.sub("", text), quote=True)


def plain_line(text: str) -> str:
    """Untrusted text as one line of HTML text, for front matter the theme prints without escaping."""
    return escape_html(_WHITESPACE.sub(" ", text).strip())


_MERMAID_UNSAFE = re.compile(r"[^\w .,:'’?!/+·()\-–—]")


def mermaid_label(text: str) -> str:
    """Untrusted text as a quoted Mermaid label: only letters, digits, spaces and harmless punctuation survive.

    Quotes, square and curly brackets, pipes, '#' (Mermaid's entity syntax), '%' (its comments and directives),
    '<', '>', backticks (Markdown strings) and semicolons (statement separators) are all dropped, so a label can
    neither end its string nor carry HTML.
    """
    label = _WHITESPACE.sub(" ", _MERMAID_UNSAFE.sub(" ", text.replace("&", " and "))).strip()
    if len(label) > MERMAID_LABEL_LENGTH:
        label = label[: MERMAID_LABEL_LENGTH - 1].rstrip() + "…"
    return label or "?"


# libyaml's emitter where PyYAML was built with it: the pure-Python one costs a second per 1,000 pages.
_YAML_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def json_text(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def front_matter(fields: dict) -> Markup:
    """YAML front matter. Strings in it are single lines, so no value can close the block early."""
    dumped = yaml.dump(fields, Dumper=_YAML_DUMPER, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1 << 16)
    return Markup(f"---\n{dumped}---\n")


def _finalize(value: object) -> object:
    """Jinja's hook on every printed value: escaped unless the code marked it as trusted with `Markup`."""
    if isinstance(value, Markup):
        return value
    if value is None:
        return ""
    if isinstance(value, Enum):
        value = value.value
    return escape_markdown(str(value))


def party_link(ref: PartyRef | None, root: str) -> Markup:
    """A party's name linking to its page across articles (plain text when it has none)."""
    if ref is None:
        return Markup("unknown")
    name = escape_markdown(ref.name)
    return Markup(f"[{name}]({root}parties/{ref.slug}.md)" if ref.slug else name)


def article_link(sheet: FactSheet, root: str) -> Markup:
    return Markup(f"[{escape_markdown(sheet.article.title)}]({root}articles/{sheet.article.id}.md)")


# Labels and "source ↓" links carry `data-search-exclude`: they are navigation, not facts, and would fill a large
# site's search index with thousands of copies of "Q1" and "source".
def fact_label(fact: FactView, anchored: bool = True) -> Markup:
    """The fact's label ("Q3") on its fact sheet, linking to the first mark of its evidence in the source text.
    `anchored`: the label is where the fact is (the target of the marks' back links); false where the fact has
    another anchor, such as an agreement's heading."""
    anchor = f"#{fact.anchor} " if anchored else ""
    if fact.evidence:
        target = fact.evidence[0].anchor
        return Markup(f'[{fact.label}](#{target}){{ {anchor}.fs-label .fs-{fact.kind} title="Show in the source text" data-search-exclude }}')
    anchor_attribute = f' id="{fact.anchor}"' if anchored else ""
    return Markup(f'<span class="fs-label fs-{fact.kind}"{anchor_attribute} data-search-exclude>{fact.label}</span>')


def fact_jump(fact: FactView, root: str = "", sheet: FactSheet | None = None) -> Markup:
    """The fact's label linking to the fact: on the same page, or on the fact sheet of `sheet`."""
    page = f"{root}articles/{sheet.article.id}.md" if sheet is not None else ""
    return Markup(f"[{fact.label}]({page}#{fact.anchor}){{ .fs-label .fs-{fact.kind} data-search-exclude }}")


def evidence_link(evidence: Evidence, kind: str) -> Markup:
    return Markup(f'[source&nbsp;↓](#{evidence.anchor}){{ .fs-ref .fs-{kind} title="Show in the source text" data-search-exclude }}')


def status_badge(status: str) -> Markup:
    """The status as a coloured badge; its CSS class is a slug ("under negotiation" -> fs-status--under-negotiation)."""
    return Markup(f'<span class="fs-status fs-status--{slugify(status)}">{escape_html(status)}</span>')


def edited_badge(fact: FactView | Party) -> Markup:
    return Markup(' <span class="fs-edited" title="Corrected by an editor">edited</span>' if fact.edited else "")


def published(date: dt.date | None) -> Markup:
    return Markup(date.isoformat() if date else "undated")


class _CompiledTemplates(FileSystemBytecodeCache):
    """Jinja2's compiled templates kept in a folder, which rendering goes on without where it cannot write."""

    def __init__(self, folder: Path):
        with contextlib.suppress(OSError):
            folder.mkdir(parents=True, exist_ok=True)
        super().__init__(str(folder))

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


@functools.cache
def template_environment(templates_dir: Path, compiled_dir: Path | None = None) -> Environment:
    """The Jinja2 environment, built once per templates folder; compiled templates are kept in `compiled_dir`, if given
    (Jinja2 compiles a template again when its source changes)."""
    env = Environment(
        loader=FileSystemLoader(templates_dir),
        bytecode_cache=_CompiledTemplates(compiled_dir) if compiled_dir else None,
        undefined=StrictUndefined,
        finalize=_finalize,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        html=lambda text: Markup(escape_html(str(text))),
        party=party_link,
        article=article_link,
        label=fact_label,
        jump=fact_jump,
        source_link=evidence_link,
        status=status_badge,
        edited=edited_badge,
        date=published,
    )
    return env


# --- the corpus: parties and facts across articles -------------------------------------------------


@dataclass
class CorpusParty:
    """One actor across every article, merged by party id."""

    slug: str
    names: Counter = field(default_factory=Counter)
    kinds: Counter = field(default_factory=Counter)
    aliases: set[str] = field(default_factory=set)
    titles: Counter = field(default_factory=Counter)
    affiliations: Counter = field(default_factory=Counter)

    @property
    def name(self) -> str:
        return _most_common(self.names)

    @property
    def kind(self) -> str:
        return _most_common(self.kinds)

    @property
    def title(self) -> str | None:
        return _most_common(self.titles) or None

    @property
    def affiliation(self) -> str | None:
        return _most_common(self.affiliations) or None

    @property
    def other_names(self) -> list[str]:
        return sorted((self.aliases | set(self.names)) - {self.name}, key=str.casefold)


def _most_common(counter: Counter) -> str:
    # Ties go to the alphabetically first value, so pages do not change with the order of the articles.
    return min(counter.items(), key=lambda item: (-item[1], item[0]))[0] if counter else ""


class Corpus:
    """Every fact sheet plus the cross-article views: merged parties (none for a party named by a common noun) and the
    page path of each sheet."""

    def __init__(self, sheets: list[FactSheet]):
        self.sheets = sorted(sheets, key=_newest_first)
        self.parties: dict[str, CorpusParty] = {}
        self._party_slug: dict[tuple[str, str], str] = {}
        for sheet in self.sheets:
            for party in sheet.parties:
                if not has_page(party):
                    continue
                slug = party_page_slug(party.id)
                merged = self.parties.setdefault(slug, CorpusParty(slug))
                merged.names[party.name] += 1
                merged.kinds[party.kind.value] += 1
                merged.aliases.update(party.aliases)
                if party.title:
                    merged.titles[party.title] += 1
                if party.affiliation:
                    merged.affiliations[party.affiliation] += 1
                self._party_slug[(sheet.article.id, party.id)] = slug

    def party_slug(self, sheet: FactSheet, party_id: str | None) -> str | None:
        return self._party_slug.get((sheet.article.id, party_id)) if party_id else None


# Kept: every fact of every article names its parties, tens of thousands of lookups a build for a few thousand ids.
@functools.lru_cache(maxsize=1 << 14)
def party_page_slug(party_id: str) -> str:
    """The slug of a party's page across articles: the parties of all articles whose ids slugify alike share it."""
    slug = slugify(party_id, fallback="party")
    return "index-party" if slug == "index" else slug  # parties/index.md is the parties index


def _newest_first(sheet: FactSheet) -> tuple:
    published = sheet.article.published
    return (published is None, -(published.toordinal() if published else 0), sheet.article.title.casefold(), sheet.article.id)


# --- views: what the templates print ----------------------------------------------------------------


@dataclass
class PartyRef:
    """A party as a template prints it: its name, and the page of the party when there is one."""

    name: str
    slug: Markup | None = None


def party_ref(party: Party) -> PartyRef:
    """A party linking to its page across articles, where it has one (not where a common noun names it)."""
    return PartyRef(party.name or party.id, Markup(party_page_slug(party.id)) if has_page(party) else None)


@dataclass
class Evidence:
    text: str
    anchor: Markup


@dataclass
class Mark:
    """One highlighted evidence span in the source text, pointing back to its fact."""

    start: int
    end: int
    kind: str
    anchor: str
    fact_anchor: str
    label: str
    title: str


@dataclass
class FactView:
    kind: str
    label: str
    anchor: Markup
    edited: bool
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(frozen=True)
class DealLink:
    """The deal an agreement is part of, as its fact sheet links it: the deal page and how many articles report it."""

    slug: Markup
    articles: int


@dataclass
class AgreementView(FactView):
    summary: str = ""
    parties: list[PartyRef] = field(default_factory=list)
    status: str = ""
    status_by: PartyRef | None = None  # who signed, approved, ratified, rejected or left it
    status_evidence: Evidence | None = None  # the words that give the status, marked in the source
    duration: str | None = None
    accounts: list[tuple[PartyRef, list[Evidence]]] = field(default_factory=list)
    conditions: list[FactView] = field(default_factory=list)
    deal: DealLink | None = None


@dataclass
class ConditionView(FactView):
    summary: str = ""
    by: PartyRef | None = None
    of: PartyRef | None = None
    agreement: AgreementView | None = None


@dataclass
class QuoteView(FactView):
    text: str = ""
    speaker: PartyRef | None = None


@dataclass
class CommentaryView(FactView):
    text: str = ""
    expert: PartyRef | None = None
    credentials: str | None = None
    affiliation: str | None = None


@dataclass
class SheetFacts:
    """The facts of one article laid out for the templates: labels, anchors, party links and evidence marks."""

    parties: list[tuple[Party, PartyRef]]
    agreements: list[AgreementView]
    conditions: list[ConditionView]
    quotes: list[QuoteView]
    quotes_by_speaker: list[tuple[PartyRef | None, list[QuoteView]]]
    commentary: list[CommentaryView]
    marks: list[Mark]


class SheetView:
    """Everything the templates print for one article.

    Its facts are laid out on first use: a build that finds the pages of an unchanged article in the page cache
    needs only its JSON and the digest of it.
    """

    def __init__(self, sheet: FactSheet, deals: dict[str, DealLink] | None = None):
        self.sheet = sheet
        # By agreement id: the deal of each agreement, found across articles (so not part of `digest`).
        self.deals = deals or {}

    @property
    def id(self) -> Markup:
        return Markup(self.sheet.article.id)

    @functools.cached_property
    def data(self) -> str:
        """The sheet as the JSON page data/<id>.json."""
        return self.sheet.model_dump_json(indent=2) + "\n"

    @functools.cached_property
    def digest(self) -> str:
        """A digest of the whole sheet (its JSON holds every field): the part of a page cache key for this article."""
        return hashlib.sha256(self.data.encode("utf-8")).hexdigest()

    @functools.cached_property
    def facts(self) -> SheetFacts:
        return SheetBuilder(self.sheet, self.deals).build()

    @property
    def parties(self) -> list[tuple[Party, PartyRef]]:
        return self.facts.parties

    @property
    def agreements(self) -> list[AgreementView]:
        return self.facts.agreements

    @property
    def conditions(self) -> list[ConditionView]:
        return self.facts.conditions

    @property
    def quotes(self) -> list[QuoteView]:
        return self.facts.quotes

    @property
    def quotes_by_speaker(self) -> list[tuple[PartyRef | None, list[QuoteView]]]:
        return self.facts.quotes_by_speaker

    @property
    def commentary(self) -> list[CommentaryView]:
        return self.facts.commentary

    @property
    def marks(self) -> list[Mark]:
        return self.facts.marks

    @property
    def unread(self) -> list[str]:
        """The kinds of fact an error stopped reading from this article, each once."""
        return list(dict.fromkeys(part.part for part in self.sheet.unread))


class SheetBuilder:
    """Turns one fact sheet into its view: labels and anchors for each fact, and a mark per evidence span.

    It reads the sheet and the deals of its agreements, nothing else of other articles, so a view, and the fact-sheet
    page rendered from it, changes only when these do: the page cache relies on that.
    """

    def __init__(self, sheet: FactSheet, deals: dict[str, DealLink] | None = None):
        self.sheet = sheet
        self.deals = deals or {}
        self.marks: list[Mark] = []
        self._mark_at: dict[tuple[str, int, int], str] = {}
        self._marks_of: Counter = Counter()
        # By id, the first party holding it (as FactSheet.party finds it): facts name their parties thousands of times.
        self._parties: dict[str, Party] = {}
        for party in sheet.parties:
            self._parties.setdefault(party.id, party)

    def party(self, party_id: str | None) -> PartyRef | None:
        if not party_id:
            return None
        party = self._parties.get(party_id)
        if party is None:
            return PartyRef(party_id)
        return party_ref(party)

    def evidence(self, kind: str, fact_anchor: str, label: str, title: str, spans: list[Span]) -> list[Evidence]:
        found = []
        for span in spans:
            start, end = max(0, span.start), min(len(self.sheet.text), span.end)
            if end <= start:
                continue
            key = (fact_anchor, start, end)
            if key not in self._mark_at:
                self._marks_of[fact_anchor] += 1
                anchor = f"src-{fact_anchor.removeprefix('fact-')}-{self._marks_of[fact_anchor]}"
                self._mark_at[key] = anchor
                self.marks.append(Mark(start, end, kind, anchor, fact_anchor, label, title))
            found.append(Evidence(_clip(self.sheet.text[start:end]), Markup(self._mark_at[key])))
        return found

    def common(self, kind: str, number: int, fact: Agreement | Condition | Quote | Commentary, title: str, spans: list[Span]) -> dict:
        """What every kind of fact view has: label ("Q3"), anchor ("fact-q3"), edited flag, evidence marks."""
        label = f"{FACT_KINDS[kind]}{number}"
        anchor = f"fact-{label.lower()}"
        evidence = self.evidence(kind, anchor, label, f"{label}: {title}", spans)
        return {"kind": kind, "label": label, "anchor": Markup(anchor), "edited": fact.edited, "evidence": evidence}

    def build(self) -> SheetFacts:
        sheet = self.sheet
        agreements = [self.agreement(n, a) for n, a in enumerate(sheet.agreements, 1)]
        by_id = {a.id: view for a, view in zip(sheet.agreements, agreements)}
        conditions = [self.condition(n, c, by_id) for n, c in enumerate(sheet.conditions, 1)]
        quotes = [self.quote(n, q) for n, q in enumerate(sheet.quotes, 1)]
        commentary = [self.commentary(n, c) for n, c in enumerate(sheet.commentary, 1)]
        return SheetFacts(
            parties=[(p, self.party(p.id)) for p in sorted(sheet.parties, key=lambda p: (-len(p.mentions), p.name.casefold()))],
            agreements=agreements,
            conditions=conditions,
            quotes=quotes,
            quotes_by_speaker=_group_quotes(quotes),
            commentary=commentary,
            marks=self.marks,
        )

    def agreement(self, number: int, agreement: Agreement) -> AgreementView:
        view = AgreementView(
            **self.common("agreement", number, agreement, agreement.summary, agreement.evidence),
            summary=agreement.summary,
            parties=[ref for ref in map(self.party, agreement.parties) if ref],
            status=agreement.status.value,
            status_by=self.party(agreement.status_by),
            duration=agreement.duration,
            deal=self.deals.get(agreement.id),
        )
        if agreement.status_evidence is not None:
            title = f"{view.label}: {agreement.summary} (status: {agreement.status.value})"
            view.status_evidence = next(iter(self.evidence("agreement", view.anchor, view.label, title, [agreement.status_evidence])), None)
        for account in agreement.accounts:
            by = self.party(account.by) or PartyRef(account.by)
            title = f"{view.label}: {agreement.summary} ({by.name}'s account)"
            view.accounts.append((by, self.evidence("agreement", view.anchor, view.label, title, account.evidence)))
        return view

    def condition(self, number: int, condition: Condition, agreements: dict[str, AgreementView]) -> ConditionView:
        view = ConditionView(
            **self.common("condition", number, condition, condition.summary, condition.evidence),
            summary=condition.summary,
            by=self.party(condition.by),
            of=self.party(condition.of),
            agreement=agreements.get(condition.agreement) if condition.agreement else None,
        )
        if view.agreement:
            view.agreement.conditions.append(view)
        return view

    def quote(self, number: int, quote: Quote) -> QuoteView:
        speaker = self.party(quote.speaker)
        title = speaker.name if speaker else "unattributed"
        return QuoteView(**self.common("quote", number, quote, title, [quote.evidence]), text=quote.text, speaker=speaker)

    def commentary(self, number: int, commentary: Commentary) -> CommentaryView:
        expert = self.party(commentary.expert) or PartyRef(commentary.expert)
        return CommentaryView(
            **self.common("commentary", number, commentary, expert.name, commentary.evidence),
            text=commentary.text,
            expert=expert,
            credentials=commentary.credentials,
            affiliation=commentary.affiliation,
        )


def _clip(text: str) -> str:
    return text if len(text) <= EVIDENCE_LENGTH else text[: EVIDENCE_LENGTH - 1].rstrip() + "…"


def _group_quotes(quotes: list[QuoteView]) -> list[tuple[PartyRef | None, list[QuoteView]]]:
    groups: dict[str | None, list[QuoteView]] = {}
    for quote in quotes:
        groups.setdefault(quote.speaker.name if quote.speaker else None, []).append(quote)
    ordered = sorted(groups.items(), key=lambda item: (item[0] is None, -len(item[1]), (item[0] or "").casefold()))
    return [(group[0].speaker, group) for _, group in ordered]


# --- highlighted source text -----------------------------------------------------------------------


def highlight_source(text: str, marks: list[Mark]) -> Markup:
    """The article body as HTML paragraphs (one a line) with every evidence span in a `<mark>`.

    Marks nest: where two spans overlap without one containing the other, the inner mark is closed at the
    outer one's end and reopened right after, so the HTML stays well formed. Only the first piece of a
    mark carries its id; after its last piece comes a small link back to the fact.
    """
    paragraphs = []
    offset = 0
    for line in text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        if line.strip():
            paragraphs.append(f'<p class="fs-para">{_highlight_line(text, start, end, marks)}</p>')
    return Markup("\n".join(paragraphs))


def _highlight_line(text: str, line_start: int, line_end: int, marks: list[Mark]) -> str:
    inside = [m for m in marks if m.start < line_end and m.end > line_start]
    points = sorted({line_start, line_end, *(max(m.start, line_start) for m in inside), *(min(m.end, line_end) for m in inside)})
    out: list[str] = []
    stack: list[Mark] = []
    opened: set[int] = set()
    for here, there in zip(points, points[1:]):
        # Outer (earlier, longer) marks first, so that contained spans nest inside them.
        wanted = sorted((m for m in inside if m.start <= here < m.end), key=lambda m: (m.start, -m.end, m.anchor))
        keep = 0
        while keep < min(len(stack), len(wanted)) and stack[keep] is wanted[keep]:
            keep += 1
        for mark in reversed(stack[keep:]):
            out.append(_close_mark(mark, here))
        stack = stack[:keep]
        for mark in wanted[keep:]:
            # Only the first piece of a mark carries its id, and it is in the line where the mark starts.
            out.append(_open_mark(mark, first=mark.start >= line_start and id(mark) not in opened))
            opened.add(id(mark))
            stack.append(mark)
        out.append(escape_html(text[here:there]))
    out.extend(_close_mark(mark, line_end) for mark in reversed(stack))
    return "".join(out)


def _open_mark(mark: Mark, first: bool) -> str:
    anchor = f' id="{mark.anchor}"' if first else ""
    return f'<mark class="fs-mark fs-{mark.kind}"{anchor} title="{escape_html(mark.title)}">'


def _close_mark(mark: Mark, at: int) -> str:
    if at < mark.end:
        return "</mark>"
    return f'</mark><a class="fs-backref fs-{mark.kind}" href="#{mark.fact_anchor}" title="Back to {mark.label}">{mark.label}</a>'


# --- relationship diagrams -------------------------------------------------------------------------


class Diagram:
    """A Mermaid flowchart whose node ids are ours and whose labels are sanitised article text."""

    def __init__(self) -> None:
        self.lines = ["flowchart LR"]
        self.nodes: dict[str, str] = {}
        self.edges = 0

    def node(self, key: str, label: str, kind: str | None = None) -> str:
        if key not in self.nodes:
            node_id = f"n{len(self.nodes)}"
            self.nodes[key] = node_id
            shape = f'(["{mermaid_label(label)}"])' if kind == "agreement" else f'["{mermaid_label(label)}"]'
            self.lines.append(f"  {node_id}{shape}")
            if kind in PartyKind.__members__ or kind == "agreement":
                self.lines.append(f"  class {node_id} {kind}")
        return self.nodes[key]

    def edge(self, source: str, arrow: str, target: str, label: str) -> None:
        self.lines.append(f'  {source} {arrow}|"{mermaid_label(label)}"| {target}')
        self.edges += 1

    def link(self, source: str, target: str) -> None:
        self.lines.append(f"  {source} --- {target}")
        self.edges += 1

    def render(self) -> Markup:
        if not self.edges:
            return Markup("")
        # Borders only: the fill and text colours stay Material's, which follow the light and dark schemes.
        styles = [
            "  classDef person stroke:#1e88e5,stroke-width:2px",
            "  classDef country stroke:#43a047,stroke-width:2px",
            "  classDef organization stroke:#fb8c00,stroke-width:2px",
            "  classDef group stroke:#8e24aa,stroke-width:2px",
            "  classDef agreement stroke:#00897b,stroke-width:2px,stroke-dasharray:4 2",
        ]
        return Markup("\n".join(self.lines + styles))


def sheet_diagram(view: SheetView) -> Markup:
    """Parties as nodes; agreements as edges between their parties (or a hub node for 1 or 3+); demands as dotted arrows."""
    diagram = Diagram()
    kinds = {p.id: p.kind.value for p in view.sheet.parties}
    by_slug = {ref.slug: party.id for party, ref in view.parties if ref and ref.slug}

    def party_node(ref: PartyRef) -> str:
        return diagram.node(f"party:{ref.slug or ref.name}", ref.name, kinds.get(by_slug.get(ref.slug, ""), "group"))

    for agreement in view.agreements:
        label = f"{agreement.summary} ({', '.join(filter(None, [agreement.duration, agreement.status]))})"
        nodes = [party_node(ref) for ref in agreement.parties]
        if len(nodes) == 2:
            diagram.edge(nodes[0], "<-->", nodes[1], label)
        elif nodes:
            hub = diagram.node(f"agreement:{agreement.label}", label, "agreement")
            for node in nodes:
                diagram.link(node, hub)
    for condition in view.conditions:
        if not condition.by:
            continue
        source = party_node(condition.by)
        if condition.of:
            diagram.edge(source, "-.->", party_node(condition.of), f"demands: {condition.summary}")
        else:
            target = diagram.node(f"condition:{condition.label}", condition.summary)
            diagram.edge(source, "-.->", target, "demands")
    return diagram.render()


def corpus_diagram(corpus: Corpus) -> Markup:
    """The strongest relations across all articles: agreements between two parties and demands, counted."""
    relations: Counter = Counter()
    summaries: dict[tuple, str] = {}
    for sheet in corpus.sheets:
        for agreement in sheet.agreements:
            slugs = sorted({s for s in (corpus.party_slug(sheet, p) for p in agreement.parties) if s})
            for i, a in enumerate(slugs):
                for b in slugs[i + 1 :]:
                    relations[("agreement", a, b)] += 1
                    summaries.setdefault(("agreement", a, b), agreement.summary)
        for condition in sheet.conditions:
            by, of = corpus.party_slug(sheet, condition.by), corpus.party_slug(sheet, condition.of)
            if by and of and by != of:
                relations[("condition", by, of)] += 1
                summaries.setdefault(("condition", by, of), condition.summary)
    diagram = Diagram()
    strongest = sorted(relations.items(), key=lambda item: (-item[1], item[0]))[:CORPUS_DIAGRAM_EDGES]
    for (kind, a, b), count in strongest:
        source, target = (diagram.node(s, corpus.parties[s].name, corpus.parties[s].kind) for s in (a, b))
        if kind == "agreement":
            label = summaries[(kind, a, b)] if count == 1 else f"{count} agreements"
            diagram.edge(source, "<-->", target, label)
        else:
            label = f"demands: {summaries[(kind, a, b)]}" if count == 1 else f"{count} demands"
            diagram.edge(source, "-.->", target, label)
    return diagram.render()


# --- schema.org ------------------------------------------------------------------------------------

_SCHEMA_TYPES = {"person": "Person", "country": "Country", "organization": "Organization", "group": "Organization"}


def _involved_parties(sheet: FactSheet) -> set[str]:
    """Ids of the parties that take part in a fact: they agree, demand, are demanded of, speak or comment."""
    involved = {p for a in sheet.agreements for p in a.parties}
    involved |= {account.by for a in sheet.agreements for account in a.accounts}
    involved |= {p for c in sheet.conditions for p in (c.by, c.of) if p}
    involved |= {q.speaker for q in sheet.quotes if q.speaker}
    involved |= {c.expert for c in sheet.commentary}
    return involved


def json_ld(view: SheetView) -> dict:
    """schema.org `NewsArticle` for the source article; parties in its facts are `about` it, the others `mentions`."""
    sheet, meta = view.sheet, view.sheet.article
    involved = _involved_parties(sheet)

    def thing(party: Party) -> dict:
        entry = {"@type": _SCHEMA_TYPES[party.kind.value], "name": party.name}
        if party.aliases:
            entry["alternateName"] = party.aliases
        if party.title and party.kind == PartyKind.person:
            entry["jobTitle"] = party.title
        return entry

    data: dict = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": meta.title}
    if safe_url(meta.url):
        data["url"] = meta.url
    if meta.published:
        data["datePublished"] = meta.published.isoformat()
    if meta.author:
        data["author"] = {"@type": "Person", "name": meta.author}
    if meta.outlet:
        data["publisher"] = {"@type": "Organization", "name": meta.outlet}
    about = [thing(p) for p in sheet.parties if p.id in involved]
    mentions = [thing(p) for p in sheet.parties if p.id not in involved]
    if about:
        data["about"] = about
    if mentions:
        data["mentions"] = mentions
    return data


def safe_url(url: str | None) -> str | None:
    """The URL if it is plain http(s), else None: a `javascript:` or `data:` URL from front matter never becomes a link."""
    if url and re.match(r"https?://[^\s<>\"'`]+$", url.strip(), re.IGNORECASE):
        return url.strip()
    return None


# --- pages -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class KeptPage:
    """A page an earlier build rendered and kept (generator/cache.py): the digest of its text, and a way to read the
    text, called only where it is needed (not where the page on disk already has that digest)."""

    digest: str
    read: Callable[[], str]


# How render_site gets a page that a build may have rendered before (generator/cache.py keeps them): given a
# key naming all the page is made from besides the templates and this code, and a function that renders it.
Memo = Callable[[str, Callable[[], str]], "str | KeptPage"]


def page_text(page: str | KeptPage) -> str:
    return page if isinstance(page, str) else page.read()


def render_now(key: str, render: Callable[[], str]) -> str:
    return render()


def render_site(
    sheets: list[FactSheet],
    settings: Settings,
    memo: Memo = render_now,
    compiled_dir: Path | None = None,
    deal_edits: DealEdits | None = DealEdits(),
) -> dict[str, str | bytes | KeptPage]:
    """Every generated page, keyed by its path relative to the generated folder.

    What one article or a few make goes through `memo`, keyed by the digests of the sheets it shows (and for a
    fact sheet, the deals of its agreements): the fact sheets, the party and deal pages, and the rows each article
    adds to the pages listing every article. After a change to one article, a build lays out and renders anew only
    what that article, its parties and its deals show. Compiled templates are kept in `compiled_dir`, if given.
    `deal_edits`: the editor's corrections of the deals (generator/deals.py; None: they could not be read).
    """
    env = template_environment(settings.templates_dir.resolve(), compiled_dir)
    corpus = Corpus(sheets)
    deals = group_deals(corpus.sheets, deal_edits)
    deal_at = deal_of(deals)
    views = [SheetView(sheet, _deal_links(sheet, deal_at)) for sheet in corpus.sheets]
    pages: dict[str, str | bytes | KeptPage] = {}
    for view in views:
        path = f"articles/{view.sheet.article.id}.md"
        links = json.dumps([[agreement, link.slug, link.articles] for agreement, link in view.deals.items()])
        pages[path] = memo(f"{path}\0{view.digest}\0{links}", functools.partial(render_fact_sheet, env, view))
        pages[f"data/{view.sheet.article.id}.json"] = view.data
    pages["facts.json"] = site_json([view.data for view in sorted(views, key=lambda v: v.sheet.article.id)], deals)
    pages["schema.json"] = json_text(Site.model_json_schema())
    pages.update(render_corpus_pages(env, corpus, views, memo))
    pages.update(render_deal_pages(env, deals, views, memo))
    return pages


def _deal_links(sheet: FactSheet, deal_at: dict[MentionKey, Deal]) -> dict[str, DealLink]:
    links = {}
    for agreement in sheet.agreements:
        deal = deal_at[(sheet.article.id, agreement.id)]
        links[agreement.id] = DealLink(Markup(deal.id), len({event.article for event in deal.timeline}))
    return links


def site_json(sheets: list[str], deals: list[Deal]) -> str:
    """`facts.json`: the sheets' JSON texts (each laid out with an indent of 2) and the deals, as a `Site` laid out as
    json.dumps(..., indent=2) would."""
    fields = {
        "schema_version": json.dumps(Site.model_fields["schema_version"].default),
        "articles": _json_list(sheets),
        "deals": _json_list([json_text(deal.model_dump(mode="json")) for deal in deals]),
    }
    return "{\n" + ",\n".join(f"  {json.dumps(name)}: {_indented(text)}" for name, text in fields.items()) + "\n}\n"


def _json_list(items: list[str]) -> str:
    """A JSON list of these JSON texts (each laid out with an indent of 2), laid out as json.dumps(..., indent=2) would."""
    if not items:
        return "[]\n"
    return "[\n" + ",\n".join("  " + _indented(item) for item in items) + "\n]\n"


def _indented(json_item: str) -> str:
    # A JSON text holds no raw newline inside a string: every newline in it is layout.
    return json_item.rstrip("\n").replace("\n", "\n  ")


def render_fact_sheet(env: Environment, view: SheetView) -> str:
    meta = view.sheet.article
    # Tag the actors of the facts, not every name in passing: a tags page with every mention helps nobody.
    actors = _involved_parties(view.sheet)
    tags = sorted({p.name for p in view.sheet.parties if p.id in actors} | set(meta.tags), key=str.casefold)
    tags += [KIND_NAMES[kind] for kind, facts in _facts_by_kind(view.sheet).items() if facts]
    fields = {
        "title": plain_line(meta.title),
        "description": plain_line(_glance_sentence(view)),
        # Read by the tags plugin under this name (mkdocs.yml: tags_name_property), not `tags`, which the search
        # plugin would copy into the index entry of every section of the page.
        "fact_tags": [plain_line(t) for t in tags if t.strip()],
        "schema_org": json_ld(view),
    }
    return env.get_template("fact_sheet.md.j2").render(
        front_matter=front_matter(fields),
        view=view,
        meta=meta,
        url=safe_url(meta.url),
        glance=_glance_sentence(view),
        diagram=sheet_diagram(view),
        source=highlight_source(view.sheet.text, view.marks),
        root=Markup("../"),
    )


def _facts_by_kind(sheet: FactSheet) -> dict[str, list]:
    return {"agreement": sheet.agreements, "condition": sheet.conditions, "quote": sheet.quotes, "commentary": sheet.commentary}


def _count(n: int, singular: str, plural: str | None = None) -> str:
    return f"{n} {singular if n == 1 else (plural or singular + 's')}"


def _glance_sentence(view: SheetView) -> str:
    sheet = view.sheet
    speakers = {q.speaker for q in sheet.quotes}
    return ", ".join(
        [
            _count(len(sheet.parties), "party", "parties"),
            _count(len(sheet.agreements), "agreement"),
            _count(len(sheet.conditions), "demand"),
            f"{_count(len(sheet.quotes), 'quote')} from {_count(len(speakers), 'speaker')}",
            _count(len({c.expert for c in sheet.commentary}), "expert"),
        ]
    )


@dataclass
class PartyPage:
    """One party across articles: the articles naming it and, by their number in each sheet, the facts it takes part in.

    Found from the sheets alone; the facts are laid out (views) only when the page is rendered.
    """

    party: CorpusParty
    views: list[SheetView] = field(default_factory=list)
    agreements_at: list[tuple[SheetView, int]] = field(default_factory=list)
    conditions_at: list[tuple[SheetView, int]] = field(default_factory=list)
    quotes_at: list[tuple[SheetView, int]] = field(default_factory=list)
    commentary_at: list[tuple[SheetView, int]] = field(default_factory=list)

    @property
    def articles(self) -> list[FactSheet]:
        return [view.sheet for view in self.views]

    @property
    def agreements(self) -> list[tuple[SheetView, AgreementView]]:
        return [(view, view.agreements[number]) for view, number in self.agreements_at]

    @property
    def conditions(self) -> list[tuple[SheetView, ConditionView]]:
        return [(view, view.conditions[number]) for view, number in self.conditions_at]

    @property
    def quotes(self) -> list[tuple[SheetView, QuoteView]]:
        return [(view, view.quotes[number]) for view, number in self.quotes_at]

    @property
    def commentary(self) -> list[tuple[SheetView, CommentaryView]]:
        return [(view, view.commentary[number]) for view, number in self.commentary_at]

    @property
    def slug(self) -> Markup:
        return Markup(self.party.slug)

    @property
    def relations(self) -> int:
        return len(self.agreements_at) + len(self.conditions_at)


# The pages listing every article are made of the rows each article adds, rendered from these partials (and the
# quotes partial, once per speaker) with nothing but the article's view: kept by `memo` under its digest, they are
# rendered anew only for articles that changed.
ROW_TEMPLATES = {
    "fact_sheets": "partials/rows/fact_sheets.md.j2",
    "experts": "partials/rows/experts.md.j2",
    "timeline": "partials/rows/timeline.md.j2",
}
QUOTE_ROWS_TEMPLATE = "partials/rows/quotes.md.j2"


def render_article_rows(env: Environment, view: SheetView) -> str:
    """An article's rows on each page listing every article, as JSON: Markdown by page, and for the quotes page its
    quotes by speaker (the key they are grouped under, the speaker's name and page, how many, the rows)."""
    root = Markup("")
    rows: dict = {page: env.get_template(name).render(view=view, root=root) for page, name in ROW_TEMPLATES.items()}
    by_speaker: dict[str | None, tuple[PartyRef | None, list[QuoteView]]] = {}
    for quote in view.quotes:
        # Grouped by party page, or by name for a speaker without one.
        key = (quote.speaker.slug or quote.speaker.name) if quote.speaker else None
        by_speaker.setdefault(key, (quote.speaker, []))[1].append(quote)
    rows["quotes"] = [
        {
            "key": key,
            "speaker": [speaker.name, speaker.slug] if speaker else None,
            "count": len(quotes),
            "rows": env.get_template(QUOTE_ROWS_TEMPLATE).render(view=view, quotes=quotes, root=root),
        }
        for key, (speaker, quotes) in by_speaker.items()
    ]
    return json.dumps(rows, ensure_ascii=False)


def render_corpus_pages(env: Environment, corpus: Corpus, views: list[SheetView], memo: Memo = render_now) -> dict[str, str | KeptPage]:
    party_pages = _party_pages(corpus, views)
    # Rendered by this code from our templates, with every value escaped on the way in: trusted, like a cached page.
    rows = [
        json.loads(page_text(memo(f"rows\0{view.digest}", functools.partial(render_article_rows, env, view))))
        for view in views
    ]
    by_date: dict[str, list[tuple[SheetView, Markup]]] = defaultdict(list)
    for view, article_rows in zip(views, rows):
        published = view.sheet.article.published
        by_date[published.strftime("%B %Y") if published else "Undated"].append((view, Markup(article_rows["timeline"])))
    # The timeline reads forwards in time; undated articles come last.
    months = sorted(by_date.items(), key=lambda item: _month_key(item[1][0][0].sheet.article.published))
    for _, month in months:
        month.sort(key=lambda entry: (_month_key(entry[0].sheet.article.published), entry[0].sheet.article.title.casefold()))
    timeline = [(label, [row for _, row in month]) for label, month in months]

    def page_rows(page: str) -> list[Markup]:
        return [Markup(article_rows[page]) for article_rows in rows if article_rows[page]]

    context = {"views": views, "root": Markup("")}
    pages: dict[str, str | KeptPage] = {
        "index.md": env.get_template("fact_sheets_index.md.j2").render(rows=page_rows("fact_sheets"), **context),
        "includes/latest.md": env.get_template("latest.md.j2").render(
            views=views[:LATEST_COUNT], total=len(views), root=Markup("facts/")
        ),
        "experts.md": env.get_template("experts.md.j2").render(rows=page_rows("experts"), **context),
        "quotes.md": env.get_template("quotes.md.j2").render(speakers=_quotes_by_speaker(rows), **context),
        "timeline.md": env.get_template("timeline.md.j2").render(timeline=timeline, **context),
        "parties/index.md": env.get_template("parties_index.md.j2").render(
            parties=sorted(party_pages, key=lambda p: (-len(p.views), -p.relations, p.party.name.casefold())),
            diagram=corpus_diagram(corpus),
            root=Markup("../"),
        ),
    }
    for page in party_pages:
        path = f"parties/{page.party.slug}.md"
        key = "\0".join([path, *(view.digest for view in page.views)])
        pages[path] = memo(key, functools.partial(render_party_page, env, page))
    return pages


def render_party_page(env: Environment, page: PartyPage) -> str:
    fields = {
        "title": plain_line(page.party.name),
        "description": plain_line(f"{page.party.name} across {_count(len(page.articles), 'article')}"),
    }
    return env.get_template("party.md.j2").render(front_matter=front_matter(fields), page=page, root=Markup("../"))


@dataclass
class DealEntry:
    """One mention of a deal on its page: the article's view and the agreement's place in it."""

    event: DealEvent
    view: SheetView
    number: int

    @property
    def agreement(self) -> AgreementView:
        return self.view.agreements[self.number]

    @property
    def status_by(self) -> PartyRef | None:
        party = self.view.sheet.party(self.view.sheet.agreements[self.number].status_by)
        return party_ref(party) if party else None


@dataclass
class DealPage:
    """One deal across articles, found from the sheets alone; its facts are laid out only when the page is rendered."""

    deal: Deal
    entries: list[DealEntry]

    @property
    def slug(self) -> Markup:
        return Markup(self.deal.id)

    @property
    def views(self) -> list[SheetView]:
        return list({entry.view.sheet.article.id: entry.view for entry in self.entries}.values())

    @property
    def parties(self) -> list[PartyRef]:
        refs: dict[str, PartyRef] = {}
        for entry in self.entries:
            sheet = entry.view.sheet
            for party in filter(None, map(sheet.party, sheet.agreements[entry.number].parties)):
                ref = party_ref(party)
                refs.setdefault(ref.slug or ref.name, ref)
        return sorted(refs.values(), key=lambda ref: ref.name.casefold())

    @property
    def last_reported(self) -> dt.date | None:
        return max((entry.event.date for entry in self.entries if entry.event.date), default=None)

    @property
    def conditions(self) -> list[tuple[SheetView, ConditionView]]:
        return [(entry.view, condition) for entry in self.entries for condition in entry.agreement.conditions]

    @property
    def commentary(self) -> list[tuple[SheetView, CommentaryView]]:
        return [(view, comment) for view in self.views for comment in view.commentary]


def _deal_pages(deals: list[Deal], views: list[SheetView]) -> list[DealPage]:
    by_article = {view.sheet.article.id: view for view in views}
    number_of = {(view.sheet.article.id, agreement.id): n for view in views for n, agreement in enumerate(view.sheet.agreements)}
    return [
        DealPage(deal, [DealEntry(event, by_article[event.article], number_of[(event.article, event.agreement)]) for event in deal.timeline])
        for deal in deals
    ]


def render_deal_pages(env: Environment, deals: list[Deal], views: list[SheetView], memo: Memo = render_now) -> dict[str, str | KeptPage]:
    """A page per deal, and the agreements tracker listing the deals, latest reported first."""
    pages = _deal_pages(deals, views)
    tracker = sorted(pages, key=lambda page: (page.last_reported is None, -(page.last_reported or dt.date.min).toordinal(), page.deal.id))
    rendered: dict[str, str | KeptPage] = {
        "agreements.md": env.get_template("agreements.md.j2").render(deals=tracker, root=Markup(""))
    }
    for page in pages:
        path = f"deals/{page.deal.id}.md"
        key = "\0".join([path, page.deal.model_dump_json(), *(view.digest for view in page.views)])
        rendered[path] = memo(key, functools.partial(render_deal_page, env, page))
    return rendered


def render_deal_page(env: Environment, page: DealPage) -> str:
    fields: dict = {
        "title": plain_line(page.deal.summary),
        "description": plain_line(f"{page.deal.status.value}, in {_count(len(page.views), 'article')}"),
    }
    if len(page.views) == 1:
        # Its one article's fact sheet is found by the same words: search lists that once.
        fields["search"] = {"exclude": True}
    return env.get_template("deal.md.j2").render(front_matter=front_matter(fields), page=page, root=Markup("../"))


def _month_key(published: dt.date | None) -> tuple:
    return (published is None, published or dt.date.min)


def _party_pages(corpus: Corpus, views: list[SheetView]) -> list[PartyPage]:
    pages = {slug: PartyPage(party) for slug, party in corpus.parties.items()}
    for view in views:
        sheet = view.sheet

        def slugs(party_ids: Iterable[str | None]) -> set[str]:
            return {slug for slug in (corpus.party_slug(sheet, party_id) for party_id in party_ids) if slug}

        for slug in slugs(party.id for party in sheet.parties):
            pages[slug].views.append(view)
        for number, agreement in enumerate(sheet.agreements):
            for slug in slugs(agreement.parties):
                pages[slug].agreements_at.append((view, number))
        for number, condition in enumerate(sheet.conditions):
            for slug in slugs((condition.by, condition.of)):
                pages[slug].conditions_at.append((view, number))
        for number, quote in enumerate(sheet.quotes):
            for slug in slugs([quote.speaker]):
                pages[slug].quotes_at.append((view, number))
        for number, comment in enumerate(sheet.commentary):
            for slug in slugs([comment.expert]):
                pages[slug].commentary_at.append((view, number))
    return list(pages.values())


def _quotes_by_speaker(rows: list[dict]) -> list[tuple[PartyRef | None, list[Markup]]]:
    """The quotes page's sections from the articles' rows: speakers with the most quotes first, unattributed last."""
    groups: dict[str | None, list[Markup]] = defaultdict(list)
    counts: Counter = Counter()
    speakers: dict[str | None, PartyRef | None] = {None: None}
    for article_rows in rows:
        for group in article_rows["quotes"]:
            key = group["key"]
            if key not in speakers:
                name, slug = group["speaker"]
                speakers[key] = PartyRef(name, Markup(slug) if slug else None)
            groups[key].append(Markup(group["rows"]))
            counts[key] += group["count"]
    ordered = sorted(groups, key=lambda key: (key is None, -counts[key], speakers[key].name.casefold() if key else ""))
    return [(speakers[key], groups[key]) for key in ordered]
