"""Coreference: pronouns and role nouns to the nearest compatible party."""

from __future__ import annotations

import pytest

from generator.extract.parties import find_parties


def _resolve(nlp, text: str, word: str, nth: int = 0) -> str | None:
    doc = nlp(text)
    index = find_parties(doc)
    token = [t for t in doc if t.text == word][nth]
    party = index.get(index.refer(token))
    return party.name if party is not None else None


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # "he"/"his" to a person, not to the organisation named last.
        ("Mayor Ines Calder met Brightwater Utilities on Monday. He said the talks went well.", "He", "Ines Calder"),
        ("Mayor Ines Calder met Brightwater Utilities on Monday. She said the talks went well.", "She", "Ines Calder"),
        ("Mayor Tomas Reyes met Brightwater Utilities on Monday. His office said the talks went well.", "His", "Tomas Reyes"),
        # "it"/"its" to an organisation or a state, not to the person named last.
        ("Brightwater Utilities hired Tomas Reyes in May. It said profits would rise.", "It", "Brightwater Utilities"),
        ("Brightwater Utilities hired Tomas Reyes in May. Its shares rose.", "Its", "Brightwater Utilities"),
        # "they"/"their" to a group, not to a person.
        ("The rebels met Tomas Reyes on Monday. Their leaders said the truce would hold.", "Their", "rebels"),
        # "they" continuing a plural subject that names no party is no party.
        ("Brightwater Utilities cut jobs. Workers at the plant walked out. They want higher pay.", "They", None),
        # The speaker in focus, not the person named last.
        ('Ana Ruiz, an analyst at Corvel Bank, said Tomas Reyes had erred. "It was a mistake," she said.', "she", "Ana Ruiz"),
        # The subject's own name, not a person its modifiers name ("X adviser Y").
        ("Lena Varga spoke in Pecs. Varga adviser Tomas Ruzicka, the best-known pollster in the region, picked up the thread. "
         "He said the vote was close.", "He", "Tomas Ruzicka"),
        # A role noun to the organisation named last.
        ("Brightwater Utilities said it would close two plants. The company blamed rising costs.", "company", "Brightwater Utilities"),
        # "the union" to the union named before, not to the firm named between them.
        ("The Dockside Workers met Brightwater Utilities on Monday. Brightwater Utilities offered a raise. The union rejected it.",
         "union", "Dockside Workers"),
    ],
)
def test_refer_resolves_to_the_nearest_compatible_party(nlp, text, word, expected):
    assert _resolve(nlp, text, word) == expected
