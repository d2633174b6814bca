"""Is a screen Vietnamese? Finds the English words in text meant for a Vietnamese reader.

A word with a Vietnamese letter (ă, â, đ, ê, ô, ơ, ư or a tone mark) is
Vietnamese.  A word of plain ASCII letters is Vietnamese only if it is a
Vietnamese syllable written without marks ("ban", "theo", "trong", "kho"):
an initial consonant, a vowel group Vietnamese has, and one of its final
consonants.  English words almost never are ("status", "done", "active",
"stage", "expected", "mean"); the few that are ("in", "to", "the", "due") are
listed in `ENGLISH_SYLLABLES` (not "in", "do", "so", "can", "may": they
are Vietnamese words too).

What is not a word is not checked: ids and codes (anything with a digit,
hyphen, slash, dot, underscore, '@' or '='), option names, paths, and
abbreviations (a capital after the first letter: UBND, CTr, KH&CN).  The
allow-list `ALLOWED` holds the names of things that have no Vietnamese name
(ktcn, git, YAML, JSON, ...), the values a user types (table, json, done,
in-progress, agency, ...) and the record format's keys (extend_to, period,
from), which are written as they are in the records.
"""

from __future__ import annotations

import re
import unicodedata

_INITIAL = "(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|g|h|k|l|m|n|p|r|s|t|v|x)?"
_VOWELS = ("uyeu|uoi|uou|uya|uye|uyu|ieu|yeu|oai|oay|oeo|uay|uao|"
           "ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ya|ye|"
           "a|e|i|o|u|y")
_FINAL = "(?:ch|ng|nh|c|m|n|p|t)?"
SYLLABLE = re.compile(rf"^{_INITIAL}(?:{_VOWELS}){_FINAL}$")

# English words that happen to be Vietnamese syllables without their marks.
def _listed(text: str) -> frozenset[str]:
    return frozenset(text.split())


ENGLISH_SYLLABLES = _listed(
    "the to at by it be he on not up due got get let met net put sat set sit yet tip top but cut him hot tap cap "
    "map try ago bit key")

# Names with no Vietnamese equivalent, values and commands a user types, YAML keys of the record format.
ALLOWED = _listed(
    "ktcn KTCN git HEAD YAML yaml JSON json CSV csv md docx Markdown Word iCalendar RFC Thunderbird Outlook "
    "GitHub GitLab github gitlab text table id ID CI NFC Unicode UTF TCVN3 VNI Windows RRULE FREQ "
    "vi en agency programme agencies settings done cancelled in-progress ongoing period from to until day "
    "every offset due rrule extend_to schedule lead support updates status note evidence by issued title number "
    "type tasks state draft active closed superseded warn_days cutoff language kind report work event records "
    "validate status overdue upcoming show update init schema calendar diff find import site cd holidays "
    "deadline_rule public_holidays working_days as-written civil-code none within after after_task issued "
    "xlsx occurrences product tt web Pages Excel public Unikey progress tab byte")


def words(text: str) -> list[str]:
    """The words of `text` that are checked: runs of letters between spaces and punctuation, ids left out."""
    found = []
    for token in re.split(r"[\s,;:()\[\]{}<>«»\"'`“”‘’|!?…]+", text):
        if token.startswith("."):
            continue  # a file name: .gitignore
        token = token.strip(".")
        if len(token) < 2 or re.search(r"[\d\-/._@=$*~#%&+\\]", token):
            continue  # ids, codes, paths, options, numbers
        if token.isalpha() and not any(c.isupper() for c in token[1:]):  # UBND, CTr, KH: abbreviations, codes
            found.append(token)
    return found


def english_words(text: str, allowed: frozenset[str] = ALLOWED) -> list[str]:
    """The English words of `text`, in order: ASCII words that are not Vietnamese syllables, nor allowed."""
    english = []
    for word in words(text):
        if word in allowed or not word.isascii():
            continue
        plain = unicodedata.normalize("NFC", word).lower()
        if plain in ENGLISH_SYLLABLES or not SYLLABLE.match(plain):
            english.append(word)
    return english
