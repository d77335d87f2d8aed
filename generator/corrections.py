"""Editors' corrections: what an editor changes in a fact sheet, kept across rebuilds.

A corrections file sits beside its article (`seeds/NAME.corrections.yml` for `seeds/NAME.txt`)
and is applied after extraction, in this order: rename parties, merge parties, drop facts,
add facts. Facts are named by what they say, never by their ids: ids are numbered by the
extractor and move when it changes, while a quote from the text stays put. Parties are named
by their name, one of their aliases or their id. Everything a correction touches is marked
`edited`, so the page can say so.

`apply_corrections` is a pure function of a fact sheet and a `Corrections`; `load_corrections`
reads and validates a file. Both raise `CorrectionsError` with one line per problem.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from generator.model import (
    Agreement,
    AgreementStatus,
    Commentary,
    Condition,
    FactSheet,
    Party,
    PartyKind,
    Quote,
    Span,
)
from generator.deals import DealEdits, MentionKey
from generator.slugs import slugify, unique

SUFFIX = ".corrections.yml"
# The site's own corrections, of what spans articles, in the articles folder.
SITE_FILE = "corrections.yml"

# Editors paste quotes from rendered pages, where quotation marks are often curly.
_QUOTE_MARKS = {'"': "\"“”„«»", "'": "'‘’‚‹›", "“": "\"“”„«»", "”": "\"“”„«»", "‘": "'‘’‚", "’": "'‘’‚"}


class CorrectionsError(Exception):
    """A corrections file that cannot be applied; `reasons` holds one line per problem."""

    def __init__(self, reasons: list[str]) -> None:
        super().__init__("; ".join(reasons))
        self.reasons = reasons


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _as_list(value: object) -> object:
    return [value] if isinstance(value, str) else value


class AddParty(_Entry):
    name: str = Field(min_length=1)
    kind: PartyKind
    aliases: list[str] = Field(default_factory=list)
    title: str | None = None
    affiliation: str | None = None


class AddAgreement(_Entry):
    summary: str = Field(min_length=1)
    parties: list[str] = Field(default_factory=list, description="Party names")
    status: AgreementStatus = AgreementStatus.agreed
    duration: str | None = None
    evidence: list[str] = Field(min_length=1, description="Quotes from the article text")

    _evidence_list = field_validator("evidence", mode="before")(_as_list)


class AddCondition(_Entry):
    by: str | None = Field(description="Name of the party who demands")
    of: str | None = None
    summary: str = Field(min_length=1)
    agreement: str | None = Field(default=None, description="A quote from the evidence of the agreement it gates")
    evidence: list[str] = Field(min_length=1)

    _evidence_list = field_validator("evidence", mode="before")(_as_list)


class AddQuote(_Entry):
    speaker: str | None
    evidence: str = Field(min_length=1, description="The quoted words, as they are in the article text")


class AddCommentary(_Entry):
    expert: str
    credentials: str | None = None
    affiliation: str | None = None
    text: str | None = Field(default=None, description="What the expert said; the evidence text when left out")
    evidence: list[str] = Field(min_length=1)

    _evidence_list = field_validator("evidence", mode="before")(_as_list)


class Additions(_Entry):
    parties: list[AddParty] = Field(default_factory=list)
    agreements: list[AddAgreement] = Field(default_factory=list)
    conditions: list[AddCondition] = Field(default_factory=list)
    quotes: list[AddQuote] = Field(default_factory=list)
    commentary: list[AddCommentary] = Field(default_factory=list)


class Drops(_Entry):
    """Parties by name; facts by a quote from their evidence."""

    parties: list[str] = Field(default_factory=list)
    agreements: list[str] = Field(default_factory=list)
    conditions: list[str] = Field(default_factory=list)
    quotes: list[str] = Field(default_factory=list)
    commentary: list[str] = Field(default_factory=list)


class Corrections(_Entry):
    rename: dict[str, str] = Field(default_factory=dict, description="Party name: new name")
    merge: dict[str, list[str]] = Field(default_factory=dict, description="Party name: names of the parties merged into it")
    drop: Drops = Field(default_factory=Drops)
    add: Additions = Field(default_factory=Additions)


class ActorCorrections(_Entry):
    """Actors across articles (generator/actors.py), each named by its page id, its name or an alias."""

    merge: dict[str, list[str]] = Field(default_factory=dict, description="An actor: the actors that are really the same one")
    split: dict[str, list[str]] = Field(
        default_factory=dict, description="A name: the ids of the articles in which it names another actor, one of its own"
    )


class DealCorrections(_Entry):
    """Agreement mentions named as "ARTICLE-ID: words of the agreement's evidence"."""

    merge: list[list[str]] = Field(default_factory=list, description="Groups of mentions that are one deal")
    split: list[list[str]] = Field(
        default_factory=list, description="Groups of mentions that are each a different deal; one mention alone: a deal of its own"
    )

    @field_validator("merge", "split")
    @classmethod
    def _not_empty(cls, groups: list[list[str]]) -> list[list[str]]:
        if any(not group for group in groups):
            raise ValueError("a group names no mention")
        return groups


class SiteCorrections(_Entry):
    """The site's corrections file: what spans articles."""

    actors: ActorCorrections = Field(default_factory=ActorCorrections)
    deals: DealCorrections = Field(default_factory=DealCorrections)


_Loaded = TypeVar("_Loaded", Corrections, SiteCorrections)


def corrections_path(article_source: Path) -> Path:
    """`seeds/NAME.corrections.yml` for `seeds/NAME.txt`."""
    return article_source.with_name(article_source.stem + SUFFIX)


def find_corrections(article_source: Path) -> Path | None:
    """The corrections file of an article, if there is one."""
    path = corrections_path(article_source)
    try:
        return path if path.is_file() else None
    except OSError:  # the article's name is too long for a name with the suffix added: there is none
        return None


def orphan_corrections(folder: Path, article_paths: list[Path]) -> list[Path]:
    """Corrections files in `folder` with no article beside them (renamed or removed articles)."""
    expected = {corrections_path(path).name for path in article_paths}
    return sorted(p for p in folder.glob(f"*{SUFFIX}") if p.name not in expected)


def load_corrections(path: Path) -> Corrections:
    return _load(path, Corrections)


def _read_yaml(path: Path) -> object:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise CorrectionsError([exc.strerror or str(exc)]) from exc
    except UnicodeDecodeError as exc:
        raise CorrectionsError([f"not UTF-8 text (byte {exc.start})"]) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark else ""
        raise CorrectionsError([f"not valid YAML: {getattr(exc, 'problem', None) or exc}{where}"]) from exc


def _load(path: Path, model: type[_Loaded]) -> _Loaded:
    """A corrections file read and checked against `model`: an empty file corrects nothing."""
    data = _read_yaml(path)
    if data is None:
        return model()
    if not isinstance(data, dict):
        raise CorrectionsError([f"expected a mapping with any of: {', '.join(model.model_fields)}"])
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise CorrectionsError([_pydantic_reason(error) for error in exc.errors()]) from exc


def find_site_corrections(seeds_dir: Path) -> Path | None:
    path = seeds_dir / SITE_FILE
    return path if path.is_file() else None


def load_site_corrections(path: Path) -> SiteCorrections:
    return _load(path, SiteCorrections)


def deal_edits(sheets: list[FactSheet], corrections: SiteCorrections) -> DealEdits:
    """The deal corrections with each mention found: the agreement of that article whose evidence holds the words."""
    by_id = {sheet.article.id: sheet for sheet in sheets}
    errors: list[str] = []

    def found(where: str, groups: list[list[str]]) -> tuple[tuple[MentionKey, ...], ...]:
        keys = []
        for number, group in enumerate(groups):
            mentions = []
            for ref in group:
                try:
                    mentions.append(find_mention(by_id, ref))
                except ValueError as exc:
                    errors.append(f"{where}[{number}]: {exc}")
            keys.append(tuple(mentions))
        return tuple(keys)

    edits = DealEdits(merge=found("deals: merge", corrections.deals.merge), split=found("deals: split", corrections.deals.split))
    merged = [{*group} for group in edits.merge]
    for group in edits.split:
        for a, b in ((a, b) for i, a in enumerate(group) for b in group[i + 1 :]):
            if any({a, b} <= together for together in merged):
                errors.append(f"deals: {a[0]}: {a[1]} and {b[0]}: {b[1]} are both merged and split")
    if errors:
        raise CorrectionsError(errors)
    return edits


def find_mention(by_id: dict[str, FactSheet], ref: str) -> MentionKey:
    """The agreement mention named "ARTICLE-ID: words of its evidence"; raises ValueError with the reason."""
    article_id, colon, quote = (part.strip() for part in ref.partition(":"))
    if not colon or not quote:
        raise ValueError(f"{_short(ref)} is not ARTICLE-ID: words of its evidence")
    sheet = by_id.get(article_id)
    if sheet is None:
        raise ValueError(f"no article {article_id!r}")
    span = locate(sheet.text, quote)
    agreement = next((a for a in sheet.agreements if span and any(_overlap(span, e) for e in a.evidence)), None)
    if agreement is None:
        raise ValueError(f"no agreement of {article_id!r} has {_short(quote)} in its evidence")
    return (article_id, agreement.id)


def apply_corrections(sheet: FactSheet, corrections: Corrections) -> tuple[FactSheet, list[str]]:
    """The corrected fact sheet and warnings (drops that found nothing to drop); raises `CorrectionsError`."""
    editor = _Editor(sheet.model_copy(deep=True))
    for old, new in corrections.rename.items():
        editor.rename(old, new)
    for into, names in corrections.merge.items():
        editor.merge(into, names)
    editor.drop(corrections.drop)
    editor.add(corrections.add)
    if editor.errors:
        raise CorrectionsError(editor.errors)
    return FactSheet.model_validate(editor.sheet.model_dump()), editor.warnings


class _Editor:
    """Applies corrections to a private copy of a fact sheet, collecting every problem rather than stopping at the first."""

    def __init__(self, sheet: FactSheet) -> None:
        self.sheet = sheet
        self.errors: list[str] = []
        self.warnings: list[str] = []

    # -- parties

    def party(self, name: str, where: str) -> Party | None:
        wanted = name.casefold()
        for party in self.sheet.parties:
            if party.id == name or wanted in (n.casefold() for n in [party.name, *party.aliases]):
                return party
        known = ", ".join(p.name for p in self.sheet.parties) or "none"
        self.errors.append(f"{where}: no party named {name!r} (parties: {known})")
        return None

    def rename(self, old: str, new: str) -> None:
        where = f"rename: {old}"
        party = self.party(old, where)
        if party is None:
            return
        other = next((p for p in self.sheet.parties if p is not party and p.name.casefold() == new.casefold()), None)
        if other is not None:
            self.errors.append(f"{where}: {new!r} is already a party; merge the two instead")
            return
        if party.name != new:
            party.aliases = _distinct([party.name, *party.aliases], exclude=new)
            party.name = new
        new_id = unique(slugify(new), {p.id for p in self.sheet.parties if p is not party})
        self.repoint(party.id, new_id)
        party.id = new_id
        party.edited = True

    def merge(self, into: str, names: list[str]) -> None:
        target = self.party(into, f"merge: {into}")
        for name in names:
            source = self.party(name, f"merge: {into}")
            if target is None or source is None:
                continue
            if source is target:
                self.warnings.append(f"merge: {into}: {name!r} is already part of {target.name!r}")
                continue
            target.aliases = _distinct([*target.aliases, source.name, *source.aliases], exclude=target.name)
            by_offsets = {(m.start, m.end): m for m in [*target.mentions, *source.mentions]}
            target.mentions = [by_offsets[key] for key in sorted(by_offsets)]
            target.title = target.title or source.title
            target.affiliation = target.affiliation or source.affiliation
            target.edited = True
            self.sheet.parties.remove(source)
            self.repoint(source.id, target.id)

    def repoint(self, old_id: str, new_id: str | None) -> None:
        """Make every fact that names party `old_id` name `new_id` instead (None: nobody)."""
        sheet = self.sheet
        # A fact that loses a party says something else now: mark it edited. One that only
        # follows its party to a new name or into a merge does not.
        dropped = new_id is None
        for agreement in sheet.agreements:
            if old_id in agreement.parties or old_id in (a.by for a in agreement.accounts):
                agreement.parties = _distinct([new_id if p == old_id else p for p in agreement.parties if p != old_id or not dropped])
                agreement.accounts = [a for a in agreement.accounts if a.by != old_id or not dropped]
                for account in agreement.accounts:
                    account.by = new_id if account.by == old_id else account.by
                agreement.edited = agreement.edited or dropped
        for condition in sheet.conditions:
            if old_id in (condition.by, condition.of):
                condition.by = new_id if condition.by == old_id else condition.by
                condition.of = new_id if condition.of == old_id else condition.of
                condition.edited = condition.edited or dropped
        for quote in sheet.quotes:
            if quote.speaker == old_id:
                quote.speaker = new_id
                quote.edited = quote.edited or dropped
        # Commentary is what an expert said: without the expert there is nothing left of it.
        sheet.commentary = [c for c in sheet.commentary if c.expert != old_id or not dropped]
        for comment in sheet.commentary:
            if comment.expert == old_id:
                comment.expert = new_id

    # -- facts

    def locate(self, quote: str, where: str) -> Span | None:
        span = locate(self.sheet.text, quote)
        if span is None:
            self.errors.append(f"{where}: {_short(quote)} is not in the article text")
        return span

    def drop(self, drops: Drops) -> None:
        for name in drops.parties:
            party = self.party(name, "drop: parties")
            if party is None:
                continue
            if name == party.id or name.casefold() == party.name.casefold():
                self.sheet.parties.remove(party)
                self.repoint(party.id, None)
            else:
                # An alias is dropped on its own: the extraction took it for this party, wrongly.
                party.aliases = [a for a in party.aliases if a.casefold() != name.casefold()]
                party.mentions = [m for m in party.mentions if m.text_of(self.sheet.text).casefold() != name.casefold()]
                party.edited = True
        for kind in ("agreements", "conditions", "quotes", "commentary"):
            for quote in getattr(drops, kind):
                span = self.locate(quote, f"drop: {kind}")
                if span is None:
                    continue
                facts = getattr(self.sheet, kind)
                kept = [fact for fact in facts if not any(_overlap(span, e) for e in _evidence(fact))]
                if len(kept) == len(facts):
                    self.warnings.append(f"drop: {kind}: no {kind} at {_short(quote)} (nothing left to drop)")
                setattr(self.sheet, kind, kept)
        if drops.agreements:
            ids = {a.id for a in self.sheet.agreements}
            for condition in self.sheet.conditions:
                if condition.agreement is not None and condition.agreement not in ids:
                    condition.agreement = None
                    condition.edited = True

    def add(self, additions: Additions) -> None:
        for i, entry in enumerate(additions.parties):
            self.add_party(entry, f"add: parties[{i}]")
        sheet = self.sheet
        for i, entry in enumerate(additions.agreements):
            where = f"add: agreements[{i}]"
            parties = [self.party(name, where) for name in entry.parties]
            evidence = [self.locate(q, where) for q in entry.evidence]
            if None not in parties and None not in evidence:
                sheet.agreements.append(
                    Agreement(
                        id=_next_id("a", [a.id for a in sheet.agreements]),
                        summary=entry.summary,
                        parties=_distinct([p.id for p in parties]),
                        status=entry.status,
                        duration=entry.duration,
                        evidence=evidence,
                        edited=True,
                    )
                )
        for i, entry in enumerate(additions.conditions):
            where = f"add: conditions[{i}]"
            by = self.party(entry.by, where) if entry.by else None
            of = self.party(entry.of, where) if entry.of else None
            agreement = self.agreement_at(entry.agreement, where) if entry.agreement else None
            evidence = [self.locate(q, where) for q in entry.evidence]
            if (by or not entry.by) and (of or not entry.of) and (agreement or not entry.agreement) and None not in evidence:
                sheet.conditions.append(
                    Condition(
                        id=_next_id("c", [c.id for c in sheet.conditions]),
                        by=by.id if by else None,
                        of=of.id if of else None,
                        summary=entry.summary,
                        agreement=agreement.id if agreement else None,
                        evidence=evidence,
                        edited=True,
                    )
                )
        for i, entry in enumerate(additions.quotes):
            where = f"add: quotes[{i}]"
            speaker = self.party(entry.speaker, where) if entry.speaker else None
            span = self.locate(entry.evidence, where)
            if (speaker or not entry.speaker) and span is not None:
                sheet.quotes.append(
                    Quote(
                        id=_next_id("q", [q.id for q in sheet.quotes]),
                        speaker=speaker.id if speaker else None,
                        text=span.text_of(sheet.text),
                        evidence=span,
                        edited=True,
                    )
                )
        for i, entry in enumerate(additions.commentary):
            where = f"add: commentary[{i}]"
            expert = self.party(entry.expert, where)
            evidence = [self.locate(q, where) for q in entry.evidence]
            if expert is not None and None not in evidence:
                sheet.commentary.append(
                    Commentary(
                        id=_next_id("e", [c.id for c in sheet.commentary]),
                        expert=expert.id,
                        credentials=entry.credentials,
                        affiliation=entry.affiliation,
                        text=entry.text or " ".join(span.text_of(sheet.text) for span in evidence),
                        evidence=evidence,
                        edited=True,
                    )
                )

    def add_party(self, entry: AddParty, where: str) -> None:
        names = [entry.name, *entry.aliases]
        wanted = {name.casefold() for name in names}
        existing = next((p for p in self.sheet.parties if wanted & {n.casefold() for n in [p.name, *p.aliases]}), None)
        if existing is not None:
            self.errors.append(f"{where}: {entry.name!r} is already the party {existing.name!r}; rename or merge it instead")
            return
        mentions = _outermost([span for name in names for span in _occurrences(self.sheet.text, name)])
        if not mentions:
            self.errors.append(f"{where}: neither {entry.name!r} nor its aliases are in the article text")
            return
        self.sheet.parties.append(
            Party(
                id=unique(slugify(entry.name), {p.id for p in self.sheet.parties}),
                name=entry.name,
                kind=entry.kind,
                aliases=_distinct(entry.aliases, exclude=entry.name),
                title=entry.title,
                affiliation=entry.affiliation,
                mentions=mentions,
                edited=True,
            )
        )

    def agreement_at(self, quote: str, where: str) -> Agreement | None:
        span = self.locate(quote, where)
        if span is None:
            return None
        found = next((a for a in self.sheet.agreements if any(_overlap(span, e) for e in a.evidence)), None)
        if found is None:
            self.errors.append(f"{where}: no agreement has {_short(quote)} in its evidence")
        return found


def locate(text: str, quote: str) -> Span | None:
    """Where `quote` first occurs in `text`, allowing for different white space and straight or curly quotation marks."""
    if not quote.strip():
        return None
    start = text.find(quote)
    if start != -1:
        return Span(start=start, end=start + len(quote))
    match = re.search(_loose_pattern(quote), text)
    return Span(start=match.start(), end=match.end()) if match else None


def _loose_pattern(quote: str) -> str:
    return r"\s+".join("".join(_char_pattern(c) for c in word) for word in quote.split())


def _char_pattern(char: str) -> str:
    return f"[{re.escape(_QUOTE_MARKS[char])}]" if char in _QUOTE_MARKS else re.escape(char)


def _occurrences(text: str, name: str) -> list[Span]:
    """Every mention of `name` as whole words, spelt with either kind of quotation mark or apostrophe."""
    if not name.strip():
        return []
    return [Span(start=m.start(), end=m.end()) for m in re.finditer(rf"(?<!\w){_loose_pattern(name)}(?!\w)", text)]


def _outermost(spans: list[Span]) -> list[Span]:
    """The spans in text order, each one inside another (an alias within the full name) left out."""
    ordered = sorted(spans, key=lambda s: (s.start, -s.end))
    kept: list[Span] = []
    for span in ordered:
        if not kept or span.end > kept[-1].end:
            kept.append(span)
    return kept


def _evidence(fact: Agreement | Condition | Quote | Commentary) -> list[Span]:
    return fact.evidence if isinstance(fact.evidence, list) else [fact.evidence]


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _next_id(prefix: str, ids: list[str]) -> str:
    numbers = [int(m.group(1)) for i in ids if (m := re.fullmatch(rf"{prefix}(\d+)", i))]
    return f"{prefix}{max(numbers, default=0) + 1}"


def _distinct(items: list[str], exclude: str | None = None) -> list[str]:
    return [item for item in dict.fromkeys(items) if item != exclude]


def _short(quote: str) -> str:
    quote = " ".join(quote.split())
    return repr(quote if len(quote) <= 60 else quote[:57] + "...")


def _pydantic_reason(error: dict) -> str:
    where = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in error["loc"]).lstrip(".")
    return f"{where}: {error['msg']}" if where else error["msg"]
