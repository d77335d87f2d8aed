"""The typed data passed between the pipeline stages: load -> extract -> model -> render -> build.

Plain pydantic models: no spaCy objects, no I/O. `FactSheet.model_dump(mode="json")` is the
per-article JSON contract (`schema_version` 1), and `FactSheet.model_json_schema()` its JSON Schema.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = 1


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Span(_Model):
    """Character offsets into the article body (Python code points, end exclusive)."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")
        return self

    def text_of(self, text: str) -> str:
        return text[self.start : self.end]


class ArticleMeta(_Model):
    """Where an article came from and how it is identified on the site."""

    id: str = Field(description="URL-safe slug, unique across the site")
    title: str
    source: str = Field(description="Path of the input file, as given")
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    author: str | None = None
    tags: list[str] = Field(default_factory=list)


class Article(_Model):
    """A loaded article: metadata plus the body exactly as the offsets count it."""

    meta: ArticleMeta
    text: str
    warnings: list[str] = Field(default_factory=list, description="Problems that did not stop loading")


class PartyKind(str, Enum):
    person = "person"
    country = "country"
    organization = "organization"
    group = "group"


class Party(_Model):
    id: str
    name: str
    kind: PartyKind
    aliases: list[str] = Field(default_factory=list)
    title: str | None = None
    affiliation: str | None = None
    mentions: list[Span] = Field(default_factory=list)
    edited: bool = Field(default=False, description="Changed by an editor's corrections file")


class AgreementStatus(str, Enum):
    """Where a deal stands in the clause that mentions it, from first proposal to its end."""

    proposed = "proposed"
    under_negotiation = "under negotiation"
    tentative = "tentative"
    agreed = "agreed"
    signed = "signed"
    approved = "approved"
    ratified = "ratified"
    in_force = "in force"
    suspended = "suspended"
    rejected = "rejected"
    collapsed = "collapsed"
    withdrawn = "withdrawn"


class Account(_Model):
    """One party's own description of an agreement ("the White House read-out said ...")."""

    by: str = Field(description="Party id")
    evidence: list[Span]


class Agreement(_Model):
    id: str
    summary: str
    parties: list[str] = Field(default_factory=list, description="Party ids")
    status: AgreementStatus = AgreementStatus.agreed
    status_by: str | None = Field(default=None, description="Party id of who approved, ratified or signed it, where the clause says")
    status_evidence: Span | None = Field(default=None, description="The words that give the status")
    duration: str | None = None
    evidence: list[Span] = Field(min_length=1)
    accounts: list[Account] = Field(default_factory=list)
    edited: bool = False


class Condition(_Model):
    id: str
    by: str | None = Field(description="Party id of who demands")
    of: str | None = Field(default=None, description="Party id of whom it is demanded")
    summary: str
    agreement: str | None = Field(default=None, description="Id of the agreement this condition gates")
    evidence: list[Span] = Field(min_length=1)
    edited: bool = False


class Quote(_Model):
    id: str
    speaker: str | None = Field(description="Party id, or None when no speaker could be found")
    text: str
    evidence: Span
    edited: bool = False


class Commentary(_Model):
    id: str
    expert: str = Field(description="Party id of the expert")
    credentials: str | None = None
    affiliation: str | None = None
    text: str = Field(description="What the expert said, quoted or paraphrased")
    evidence: list[Span] = Field(min_length=1)
    edited: bool = False


class FactSheet(_Model):
    """Everything extracted from one article, every fact with its evidence spans."""

    schema_version: int = SCHEMA_VERSION
    article: ArticleMeta
    text: str
    parties: list[Party] = Field(default_factory=list)
    agreements: list[Agreement] = Field(default_factory=list)
    conditions: list[Condition] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    commentary: list[Commentary] = Field(default_factory=list)

    def party(self, party_id: str | None) -> Party | None:
        return next((p for p in self.parties if p.id == party_id), None)


class DealEvent(_Model):
    """What one article says of a deal: one agreement mention, dated by its article."""

    article: str = Field(description="Article id")
    agreement: str = Field(description="Id of the agreement in that article's fact sheet")
    date: dt.date | None = Field(description="The article's publication date")
    status: AgreementStatus
    evidence: str = Field(description="The sentence that gives the status")


class Deal(_Model):
    """One deal across articles: the agreement mentions that are the same deal (generator/deals.py)."""

    id: str = Field(description="URL-safe slug, stable as later articles join the deal")
    summary: str
    parties: list[str] = Field(default_factory=list, description="Party names, across its articles")
    status: AgreementStatus = Field(description="Its status in the latest article")
    timeline: list[DealEvent] = Field(min_length=1, description="Its mentions in date order, undated last")
    edited: bool = Field(default=False, description="Merged or split by an editor's site corrections file")


class Site(_Model):
    """Every article's fact sheet and the deals across them: the site's `facts.json`."""

    schema_version: int = SCHEMA_VERSION
    articles: list[FactSheet]
    deals: list[Deal]
