"""Slugs: safe as file names and URLs on every system, stable, and unique where it matters."""

from __future__ import annotations

import re

import pytest

from generator.slugs import RESERVED, slugify, unique

SAFE = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


@pytest.mark.parametrize(
    ("value", "slug"),
    [
        ("Putin Placates Trump", "putin-placates-trump"),
        ("Café über Straße", "cafe-uber-strae"),
        ("../../etc/passwd", "etc-passwd"),
        ("..\\..\\windows\\system32", "windows-system32"),
        ("Путин и Трамп", "putin-i-tramp"),
        ("Київ", "kiiv"),
        ("Ελληνικά νέα", "ellinika-nea"),
        ("  -- spaced -- ", "spaced"),
    ],
)
def test_slugify_gives_readable_ascii(value, slug):
    assert slugify(value) == slug


@pytest.mark.parametrize("name", ["CON", "con", "Nul", "AUX", "PRN", "COM1", "lpt9", "index", "README"])
def test_reserved_names_are_never_a_bare_slug(name):
    slug = slugify(name, fallback="article")
    assert slug not in RESERVED
    assert slug == f"{name.lower()}-article"


@pytest.mark.parametrize("value", ["🎉🎉", "中文标题", "🔥", "!!!", "\u200b"])
def test_names_without_ascii_letters_get_a_stable_hashed_slug(value):
    slug = slugify(value, fallback="article")
    assert re.fullmatch(r"article-[0-9a-f]{8}", slug)
    assert slug == slugify(value, fallback="article"), "the same name gives the same slug on every build"


def test_different_names_without_ascii_letters_get_different_slugs():
    assert slugify("🎉", fallback="article") != slugify("🔥", fallback="article")


def test_blank_names_get_the_fallback():
    assert slugify("", fallback="article") == slugify("   ", fallback="article") == "article"


def test_long_names_are_cut_and_keep_a_hash_of_the_whole():
    a, b = "word " * 60 + "one", "word " * 60 + "two"
    assert len(a) > 300 - 10
    assert len(slugify(a)) == 80 and len(slugify(b)) == 80
    assert slugify(a) != slugify(b)
    assert SAFE.fullmatch(slugify(a))


@pytest.mark.parametrize(
    "value", ["../../etc/passwd", "a/b\\c", ".hidden", "x" * 300, "CON", "🎉", "Путин", "a\x00b", "..", "%2e%2e%2f", "a b\tc\nd"]
)
def test_every_slug_is_a_single_safe_path_component(value):
    slug = slugify(value)
    assert SAFE.fullmatch(slug), slug
    assert len(slug) <= 80


def test_unique_numbers_repeats_in_order():
    taken: set[str] = set()
    assert [unique("a", taken) for _ in range(3)] == ["a", "a-2", "a-3"]
    assert taken == {"a", "a-2", "a-3"}
