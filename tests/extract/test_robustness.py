"""Extraction over generated news-like text: it never fails, and what it returns is well formed.

Hypothesis writes articles from invented names and the constructions of news English that have tripped rules on
real articles (quotes and lone quotation marks, dashes, parentheses, lists, headlines in capitals, fronted
prepositional phrases, honorifics standing alone, very short and very long paragraphs). For each: no extractor
fails (nothing unread), every span lies inside the text and covers words, every id a fact names exists.
Locally each run tries new articles; with CI=true the examples are the same on every run.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.extract import facts_from_doc
from generator.model import Article, ArticleMeta, FactSheet, Span

CI = os.environ.get("CI") == "true"

FIRST = ["Amara", "Bogdan", "Elif", "Farid", "Ines", "Jonas", "Katya", "Mireille", "Nikhil", "Rania", "Tamar", "Wendell"]
LAST = ["Okafor", "Dragomir", "Eklund", "Haddad", "Lindqvist", "Marchetti", "Quiroga", "Szabo", "Whitcombe", "Yilmaz"]
PLACES = ["Norway", "Chile", "Kenya", "Peru", "Ghana", "Mongolia", "Uruguay", "Norland", "Vestmark", "Eastmoor"]
ORGS = ["Kestrel Freight", "Bluestone Energy", "the Harbourline Group", "Redmoor Bank", "the Lodestar Institute"]
ROLES = ["foreign minister", "spokeswoman", "chief executive", "professor of economics", "senator", "union leader"]
HONORIFICS = ["Mr.", "Ms.", "Dr.", "Sir", "Lady", "Lord", "Prof."]
VERB_PHRASES = [
    "withdraw its troops from the border", "cut fuel taxes", "release the prisoners", "reopen the port",
    "sign the treaty", "hold new elections", "pay the debt", "lift the sanctions", "resume talks",
]
SAYING = ["said", "told reporters", "added", "warned", "insisted", "wrote on social media"]
OPENERS = ["For instance,", "For now,", "On Monday,", "In 2015,", "However,", "Still,", "For one thing,", "But"]
QUOTES = ["“", "”", '"', "‘", "’", "'", "''", "``"]

name = st.one_of(
    st.builds(lambda f, l: f"{f} {l}", st.sampled_from(FIRST), st.sampled_from(LAST)),
    st.sampled_from(LAST),
    st.builds(lambda h, l: f"{h} {l}", st.sampled_from(HONORIFICS), st.sampled_from(LAST)),
    st.builds(lambda h: f"the {h.rstrip('.')}", st.sampled_from(HONORIFICS)),
    st.sampled_from(PLACES),
    st.sampled_from(ORGS),
)
vp = st.sampled_from(VERB_PHRASES)


@st.composite
def sentence(draw) -> str:
    a, b, c = draw(name), draw(name), draw(name)
    n = draw(st.integers(1, 365))
    said, role, org, opener = draw(st.sampled_from(SAYING)), draw(st.sampled_from(ROLES)), draw(st.sampled_from(ORGS)), draw(st.sampled_from(OPENERS))
    quote = draw(st.sampled_from(QUOTES))
    forms = [
        f"{a} {said} that {b} would {draw(vp)}.",
        f"“We will {draw(vp)},” {a}, the {role} of {org}, {said}.",
        f'"{draw(vp).capitalize()} now," said {a}.',
        f"{a} demanded that {b} {draw(vp)}.",
        f"{a} called on {b} to {draw(vp)}, and {c} called for a {n}-day truce.",
        f"{a} will only sign the accord if {b} agrees to {draw(vp)}.",
        f"{a} and {b} agreed on {n} points — a {n}-day ceasefire among them — after talks in {c}.",
        f"{a} ({org}) signed a deal with {b} to {draw(vp)}.",
        f"{a}, {b} and {c} signed the pact; {c} later withdrew.",
        f"{opener} {a}, for one, called the plan a disgrace.",
        f"{opener} calls to {draw(vp)} were rejected by {a}.",
        f"{a}, a {role} at {org}, said the talks were fragile.",
        f"{a} {said}: {quote}{draw(vp)} {quote}",
        f"{quote}{a} {said} {b} would {draw(vp)}.",
        f"{a.upper()} TO {draw(vp).upper()} AFTER TALKS WITH {b.upper()}",
        f"- {a}: {draw(vp)}",
        f"{n}. {b} agreed to {draw(vp)}",
        f"{a} — {b} — {c}",
        f"({a})",
        quote,
        "—",
        draw(st.text(alphabet="abcXYZ .,;:-—()“”\"'’0123456789", min_size=1, max_size=40)),
    ]
    return draw(st.sampled_from(forms))


paragraph = st.one_of(
    st.lists(sentence(), min_size=1, max_size=4).map(" ".join),
    st.lists(sentence(), min_size=12, max_size=40).map(" ".join),  # a very long paragraph
    st.sampled_from(["A", "”", "Yes.", "—", "(", "1."]),  # a very short one
)
article_text = st.lists(paragraph, min_size=1, max_size=6).flatmap(
    lambda paragraphs: st.sampled_from(["\n\n", "\n", " \n\n "]).map(lambda joint: joint.join(paragraphs))
)


def spans_of(sheet: FactSheet) -> list[Span]:
    spans = [m for p in sheet.parties for m in p.mentions]
    for agreement in sheet.agreements:
        spans += agreement.evidence + [e for account in agreement.accounts for e in account.evidence]
        spans += [agreement.status_evidence] if agreement.status_evidence else []
    spans += [e for c in sheet.conditions for e in c.evidence] + [q.evidence for q in sheet.quotes]
    return spans + [e for c in sheet.commentary for e in c.evidence]


def named_party_ids(sheet: FactSheet) -> set[str]:
    named = {q.speaker for q in sheet.quotes} | {c.expert for c in sheet.commentary}
    named |= {c.by for c in sheet.conditions} | {c.of for c in sheet.conditions}
    for agreement in sheet.agreements:
        named |= set(agreement.parties) | {agreement.status_by} | {account.by for account in agreement.accounts}
    return named - {None}


@settings(
    max_examples=60,
    deadline=None,
    derandomize=CI,
    database=None if CI else settings.default.database,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(text=article_text)
def test_extraction_never_fails_and_its_facts_are_well_formed(nlp, text):
    article = Article(meta=ArticleMeta(id="generated", title="Generated", source="generated.txt"), text=text)
    sheet = facts_from_doc(article, nlp(text))
    assert not sheet.unread, sheet.unread
    for span in spans_of(sheet):
        assert 0 <= span.start <= span.end <= len(text), span
        assert span.text_of(text).strip(), span
    assert named_party_ids(sheet) <= {p.id for p in sheet.parties}
    assert {c.agreement for c in sheet.conditions} - {None} <= {a.id for a in sheet.agreements}
