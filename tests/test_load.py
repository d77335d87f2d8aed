"""Loading untrusted article files: one clear reason for a file that cannot be read, a warning for one that can."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.load import MAX_TEXT_CHARS, LoadError, article_files, load

HOSTILE = Path(__file__).resolve().parent / "hostile"
BODY_START = "Ruritania and Freedonia agreed to a 30-day ceasefire on Monday"


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.txt", "empty file"),
        ("whitespace-only.txt", "no text, only white space"),
        ("headline-only.txt", "no article text after the headline"),
        ("image.txt", "binary file (a PNG image), not text"),
        ("unclosed-front-matter.md", "front matter is not closed by a '---' line"),
    ],
)
def test_a_file_that_cannot_be_read_gives_one_reason(name, reason):
    with pytest.raises(LoadError) as caught:
        load(HOSTILE / name)
    assert str(caught.value) == reason
    assert "\n" not in str(caught.value)


def test_malformed_front_matter_names_the_problem_and_its_line():
    # The wording is the YAML parser's: libyaml's and PyYAML's own differ ("did not find expected ..." or "expected ...").
    with pytest.raises(LoadError) as caught:
        load(HOSTILE / "malformed-front-matter.md")
    reason = str(caught.value)
    assert reason.startswith("front matter is not valid YAML: ") and reason.endswith(" (line 3)")
    assert "expected ',' or ']'" in reason and "\n" not in reason


@pytest.mark.parametrize(
    ("name", "title", "warnings"),
    [
        ("crlf.txt", "Talks end in a truce, with CRLF line ends", []),
        ("lone-cr.txt", "Talks end in a truce, with old Mac line ends", []),
        ("utf-16-bom.txt", "Talks in Kraków end in a truce", []),
        ("latin-1.txt", "Café talks in Zürich end in a truce", ["not UTF-8 (byte 3: 0xe9): read as Latin-1 (Windows-1252); save it as UTF-8"]),
        ("nul-bytes.txt", "Talks end in a truce", ["removed 2 control characters (such as NUL bytes)"]),
    ],
)
def test_a_file_that_can_be_read_loads_with_its_warnings(name, title, warnings):
    article = load(HOSTILE / name)
    assert article.meta.title == title
    assert article.text.startswith(BODY_START)
    assert "\r" not in article.text and "\x00" not in article.text
    assert article.text.count("\n") == 2, "one paragraph a line, whatever the line ends"
    assert article.warnings == warnings


def test_latin_1_text_keeps_its_accents():
    assert "Anna Bergström" in load(HOSTILE / "latin-1.txt").text


def test_unicode_line_separators_become_line_ends(tmp_path):
    article = load(write(tmp_path, "a.txt", "Headline\u2028first\u2029second\x85third\n"))
    assert (article.meta.title, article.text) == ("Headline", "first\nsecond\nthird\n")


def test_utf_16_without_byte_order_mark_is_refused_as_binary(tmp_path):
    with pytest.raises(LoadError, match="binary data"):
        load(write(tmp_path, "a.txt", ("Headline\n" + "Some text. " * 10).encode("utf-16-le")))


def test_random_bytes_are_refused_as_binary(tmp_path):
    import random

    noise = random.Random(5).randbytes(4000)
    with pytest.raises(LoadError, match="binary data, not text"):
        load(write(tmp_path, "a.txt", noise))


def test_a_bad_byte_order_mark_is_named(tmp_path):
    with pytest.raises(LoadError, match="UTF-16-LE byte-order mark but is not UTF-16-LE"):
        load(write(tmp_path, "a.txt", b"\xff\xfeA\x00\x00\xd8"))


def test_front_matter_of_the_wrong_types_is_dropped_with_warnings():
    article = load(HOSTILE / "wrong-types.md")
    meta = article.meta
    assert (meta.title, meta.url, meta.published, meta.author, meta.tags) == ("Talks end in a truce", None, None, None, [])
    assert article.warnings == [
        "front matter: url: only http:// and https:// URLs are kept, not \"javascript:alert('HOSTILE-URL')\"; left out",
        "front matter: author: expected text, got a mapping; left out",
        "front matter: published: 'not-a-date' is not a date (YYYY-MM-DD); left out",
        "front matter: tags: expected a list of words, got a number; left out",
    ]


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:alert(1)", "data:text/html,<script>", "vbscript:x", "//evil.example", "file:///etc/passwd", "https://x.example/\"onmouseover=alert(1)"],
)
def test_only_http_urls_are_kept(tmp_path, url):
    article = load(write(tmp_path, "a.md", f"---\ntitle: T\nurl: '{url}'\n---\nBody.\n"))
    assert article.meta.url is None
    assert len(article.warnings) == 1 and article.warnings[0].startswith("front matter: url: ")


def test_good_front_matter_is_read(tmp_path):
    text = "---\ntitle: |\n  Two-line\n  title\nurl: https://example.com/a?b=1&c=2\noutlet: 42\npublished: 2026-11-20T08:00:00Z\nauthor: [A. Writer, B. Writer]\ntags: single\n...\nBody.\n"
    article = load(write(tmp_path, "a.md", text))
    meta = article.meta
    assert meta.title == "Two-line title", "a title is one line, so it cannot break the page's front matter"
    assert (meta.url, meta.outlet, meta.published) == ("https://example.com/a?b=1&c=2", "42", dt.date(2026, 11, 20))
    assert (meta.author, meta.tags) == ("A. Writer, B. Writer", ["single"])
    assert (article.text, article.warnings) == ("Body.\n", [])


@pytest.mark.parametrize(
    ("front", "reason"),
    [
        ("---\n---\nBody.\n", "front matter has no title (a line `title: ...`)"),
        ("---\ntitle: [a, b]\n---\nBody.\n", "front matter: title: expected text, got a list"),
        ("---\n- a\n---\nBody.\n", "front matter is not a mapping of fields (title: ..., url: ...)"),
        ("---\ntitle: !!python/object/apply:os.system [id]\n---\nBody.\n", "front matter is not valid YAML: could not determine a constructor for the tag 'tag:yaml.org,2002:python/object/apply:os.system' (line 2)"),
    ],
)
def test_bad_front_matter_gives_one_reason(tmp_path, front, reason):
    with pytest.raises(LoadError) as caught:
        load(write(tmp_path, "a.md", front))
    assert str(caught.value) == reason


def test_a_yaml_alias_bomb_is_not_expanded(tmp_path):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n" for p, c in zip("abcdefgh", "bcdefghi"))
    article = load(write(tmp_path, "a.md", f"---\ntitle: T\n{bomb}tags: *i\n---\nBody.\n"))
    assert article.meta.tags == [] and article.warnings == ["front matter: tags: expected text, got a list; left out"]


def test_markdown_without_front_matter_takes_its_first_line_as_headline(tmp_path):
    article = load(write(tmp_path, "a.md", "# The headline\nBody.\n"))
    assert (article.meta.title, article.text) == ("The headline", "Body.\n")


def test_a_five_megabyte_article_is_refused_before_it_is_read(tmp_path):
    path = write(tmp_path, "huge.txt", "Headline\n" + ("All work and no play makes a dull article. " * 120_000))
    assert path.stat().st_size > 5_000_000
    with pytest.raises(LoadError, match=r"too large to be an article \(5,\d{3},\d{3} bytes; the limit is 200,000 characters\)"):
        load(path)


def test_an_article_just_over_the_limit_is_refused(tmp_path):
    path = write(tmp_path, "long.txt", "Headline\n" + "x" * MAX_TEXT_CHARS)
    with pytest.raises(LoadError, match=r"too long to be an article \(200,\d{3} characters; the limit is 200,000\)"):
        load(path)


def test_one_paragraph_of_fifty_thousand_characters_loads_whole(tmp_path):
    paragraph = ("Ruritania said the talks would go on. " * 1400)[:50_000]
    article = load(write(tmp_path, "long.txt", f"Headline\n{paragraph}"))
    assert article.text == paragraph and article.warnings == []


def test_article_id_comes_from_the_file_name_and_is_safe(tmp_path):
    for name, expected in [("CON.txt", "con-article"), ("index.md", "index-article"), ("Путин.txt", "putin"), ("🎉.txt", None)]:
        article = load(write(tmp_path, name, "Headline\nBody.\n" if name.endswith(".txt") else "# Headline\nBody.\n"))
        assert article.meta.id == expected or (expected is None and article.meta.id.startswith("article-"))


def test_article_files_are_articles_only(tmp_path):
    for name in ("b.txt", "a.md", "a.corrections.yml", ".hidden.txt", "notes.yml", "c.TXT", "image.png"):
        write(tmp_path, name, "x\ny\n")
    (tmp_path / "folder.txt").mkdir()
    assert [p.name for p in article_files(tmp_path)] == ["a.md", "b.txt", "c.TXT"]


def test_a_link_to_a_file_outside_the_folder_is_not_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("Secret\nkey=hunter2\n", encoding="utf-8")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "leak.txt").symlink_to(secret)
    (seeds / "target.txt").write_text("Headline\nBody.\n", encoding="utf-8")
    (seeds / "alias.txt").symlink_to(seeds / "target.txt")
    with pytest.raises(LoadError, match="symbolic link to a file outside its folder"):
        load(seeds / "leak.txt")
    assert load(seeds / "alias.txt").text == "Body.\n", "a link within the folder is an ordinary article"


def test_a_missing_file_gives_the_system_reason(tmp_path):
    with pytest.raises(LoadError, match="No such file or directory"):
        load(tmp_path / "gone.txt")


@pytest.mark.parametrize("run", ['"' * 50_000, "x" * 1_001, "\u201c" * 2_000])
def test_a_run_of_characters_without_a_space_is_refused(tmp_path, run):
    with pytest.raises(LoadError, match=rf"not article text: {len(run):,} characters without a space on line 2 \(the limit is 1,000\)"):
        load(write(tmp_path, "a.txt", f"Headline\nBefore {run} after.\n"))


def test_a_long_link_is_still_text(tmp_path):
    link = "https://example.com/" + "a" * 980
    assert link in load(write(tmp_path, "a.txt", f"Headline\nSee {link} for more.\n")).text
