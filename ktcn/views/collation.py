"""Vietnamese text: its alphabetical order, and its letters without marks for searching.

The alphabet is a ă â b c d đ e ê (f) g h i (j) k l m n o ô ơ p q r s t u ư v
(w) x y (z): ă, â, đ, ê, ô, ơ and ư are letters of their own, each after its
base letter, so code-point order ("Đ" after "Z", "Ă" after "Ý") is wrong.
Tones do not make letters: words are ordered by their letters first, and
only words with the same letters by their tones, in the dictionaries' order
ngang, huyền, hỏi, ngã, sắc, nặng (a, à, ả, ã, á, ạ); then lower case before
upper.  That is the order of ICU's Vietnamese collation at its default
strength, written out here so that ktcn needs no ICU.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_RANK = {letter: index for index, letter in enumerate(ALPHABET)}

# Marks that make a letter of its own with its base (NFD): breve, circumflex, horn.
_LETTER_MARKS = {("a", "\u0306"): "ă", ("a", "\u0302"): "â", ("e", "\u0302"): "ê", ("o", "\u0302"): "ô",
                 ("o", "\u031b"): "ơ", ("u", "\u031b"): "ư"}
# Tone marks, in the dictionaries' order after the level tone (ngang, 0).
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}

_SEPARATOR, _DIGIT, _LETTER, _OTHER = 0, 1, 2, 3


def _letters(text: str) -> list[tuple[str, int, bool]]:
    """Each letter of `text` (Vietnamese letters whole) with its tone and whether it was written upper case."""
    found: list[tuple[str, int, bool]] = []
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.combining(char):
            if found and (found[-1][0], char) in _LETTER_MARKS:
                base, tone, upper = found[-1]
                found[-1] = (_LETTER_MARKS[(base, char)], tone, upper)
            elif found and char in _TONES:
                base, _, upper = found[-1]
                found[-1] = (base, _TONES[char], upper)
            continue  # other marks (a cedilla in a foreign name) do not order
        lower = char.lower()
        found.append((lower, 0, lower != char))
    return found


@lru_cache(maxsize=8192)
def sort_key(text: str) -> tuple[tuple[tuple[int, int], ...], tuple[int, ...], tuple[bool, ...]]:
    """A key that sorts text in Vietnamese alphabetical order: letters, then tones, then case.

    Spaces and punctuation separate words (a run of them counts once, before
    any letter: "Sở Nội vụ" before "Sở Nông nghiệp"... by their letters);
    digits come before letters.
    """
    primary: list[tuple[int, int]] = []
    tones: list[int] = []
    cases: list[bool] = []
    for letter, tone, upper in _letters(text):
        if letter in _RANK:
            primary.append((_LETTER, _RANK[letter]))
            tones.append(tone)
            cases.append(upper)
        elif letter.isdigit():
            primary.append((_DIGIT, int(unicodedata.digit(letter, 0))))
        elif letter.isalpha():
            primary.append((_OTHER, ord(letter)))
            tones.append(tone)
            cases.append(upper)
        elif not primary or primary[-1] != (_SEPARATOR, 0):
            primary.append((_SEPARATOR, 0))
    while primary and primary[-1] == (_SEPARATOR, 0):
        primary.pop()
    return tuple(primary), tuple(tones), tuple(cases)


def fold(text: str) -> str:
    """`text` without marks and in lower case, for searching: "Chuyển đổi số" → "chuyen doi so"; đ → d."""
    plain = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in plain if not unicodedata.combining(c)).casefold()
