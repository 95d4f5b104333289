"""Random Handbook models for round-trip tests: what a document *means*, before any layout.

`make_handbook(random.Random(seed), ...)` builds a model that a handbook can express: every
competency describes levels 1..n with at least one indicator each, names are unique by slug,
clusters are contiguous runs of competencies, and the matrix requires a shuffled subset of them.
Keyword arguments pin one property (language, level count, named levels, clusters, ...) so a test
can vary exactly one thing. `handbooks()` is the same as a hypothesis strategy.

Texts are folded (no leading/trailing or double spaces) but carry what trips up parsers: quotes,
slashes, colons, ampersands, parentheses, dashes, numbers and diacritics. They are drawn from a
small fixed word list (`WORDS`, what the committed corpus was made with) or, with
`lexicon=real_words()`, from the most frequent words of real Dutch and English (the `wordfreq`
package): long compounds, apostrophes and, now and then, a capitalised name mid-sentence.
"""
from __future__ import annotations

import functools
import random
import re
from collections.abc import Mapping, Sequence

from pipeline.model import (
    Cluster,
    Competency,
    Handbook,
    Indicator,
    Level,
    LevelScale,
    Requirement,
    Source,
)
from pipeline.parse.words import LevelReader, parse_issued, slug
from pipeline.vocab import Vocabulary, builtin

SOURCE = Source(file="generated.docx", format="docx", sha256="0" * 64)

WORDS = {
    "nl": (
        "analyseert brengt kaart welke informatie beschikbaar mist vraagstukken aanpak structureert "
        "cliënten coördineert ideeën reëel naïef financiële geëvalueerd enquête rôle overzicht "
        "werkt zorgvuldig detail houdt eigen werk collega's bewoners plant organiseert voortgang "
        "signaleert problemen tijdig neemt verantwoordelijkheid zoekt samenwerking teams draagt "
        "visie uit ziet kansen omgeving beleid één organisatie prioriteiten kwaliteit"
    ).split(),
    "en": (
        "analyses maps which information available missing issues approach structures clients "
        "coordinates ideas café naïve résumé rôle Zoë overview works carefully detail keeps own "
        "colleagues residents plans organises progress signals problems timely takes ownership "
        "seeks cooperation teams carries vision sees chances environment policy quality priorities"
    ).split(),
}
# Tokens that carry the characters a parser must leave alone.
SPECIAL = (
    "(intern)", "'zichtbaar'", '"kern"', "en/of", "A/B", "P&O", "R&D", "doel:", "hoofd- en bijzaken",
    "-", "–", "3", "2024", "50%", "24/7", "1:1", "e.d.", "m.b.t.", "'wat...als'", "zij-haar",
    "(1)", "[a]", "x&y", "ë/ï", "ô", "tijd,", "(a, b)", "e.g.,",
)
ROLES = ("Ambtelijk secretaris", "Medewerker P&O", "Adviseur (senior)", "Coördinator 2e lijn",
         "Beleidsmedewerker", "Teamleider zorg & welzijn", "Data-analist", "Officer R/D")
ORGANISATIONS = ("inovum", "Gemeente Zuidëind", "Stichting 't Hôf", "De Zorg & Co", "ACME (NL)",
                 "Waterschap Noord-Oost", "Bureau A/B")

LEVEL_COUNTS = (2, 3, 4, 5)

# How many of wordfreq's most frequent words a real lexicon takes, and how often one of them is
# written capitalised mid-sentence (a name, the start of a quoted title).
REAL_WORD_COUNT = 20000
REAL_CAPITALS = 0.05
# A word of letters, with at most one inner apostrophe ("collega's"); wordfreq also lists
# numbers, placeholders such as "n000" and abbreviations, which SPECIAL already covers.
_WORD = re.compile(r"^[^\W\d_]+(?:'[^\W\d_]+)?$")


@functools.cache
def real_words(languages: tuple[str, ...] = ("nl", "en")) -> dict[str, tuple[str, ...]]:
    """A lexicon of the most frequent real words per language (needs the `wordfreq` package)."""
    from wordfreq import top_n_list

    return {
        language: tuple(w for w in top_n_list(language, REAL_WORD_COUNT) if _WORD.match(w))
        for language in languages
    }


def vocabulary(language: str) -> Vocabulary:
    return next(v for v in builtin() if v.language == language)


def level_labels(vocab: Vocabulary, count: int, named: bool) -> tuple[str, ...]:
    """Labels as a handbook writes them: "Competentieniveau 1".. or a vocabulary scale of names."""
    if not named:
        return tuple(f"{vocab.level_words[0]} {n}" for n in range(1, count + 1))
    exact = [s for s in vocab.level_names if len(s) == count]
    longer = [s for s in vocab.level_names if len(s) > count]
    if not exact and not longer:
        raise ValueError(f"the {vocab.language} vocabulary has no scale of {count} level names")
    return tuple((exact or longer)[0][:count])


class _Texts:
    """Random folded texts that no vocabulary could mistake for a level label or a date."""

    def __init__(self, rng: random.Random, language: str, lexicon: Mapping[str, Sequence[str]]):
        self.rng = rng
        self.words = lexicon[language]
        # Only real words are ever capitalised mid-sentence: the fixed list keeps its draws as
        # they were, so the committed corpus regenerates unchanged.
        self.capitals = REAL_CAPITALS if lexicon is not WORDS else 0.0
        self.readers = [LevelReader(v) for v in builtin()]
        self.vocabularies = builtin()

    def phrase(self, lo: int, hi: int, special: float = 0.3) -> str:
        count = self.rng.randint(lo, hi)
        tokens = [
            self.rng.choice(SPECIAL) if i and self.rng.random() < special else self._word()
            for i in range(count)
        ]
        tokens[0] = tokens[0][:1].upper() + tokens[0][1:]
        return " ".join(tokens)

    def _word(self) -> str:
        word = self.rng.choice(self.words)
        if self.capitals and self.rng.random() < self.capitals:
            return word[:1].upper() + word[1:]
        return word

    def safe(self, text: str) -> bool:
        if any(r.is_label(text) or r.value(text) is not None for r in self.readers):
            return False
        return not any(parse_issued(text, v) for v in self.vocabularies)

    def unique(self, lo: int, hi: int, taken: set[str], special: float = 0.3) -> str:
        while True:
            text = self.phrase(lo, hi, special)
            if self.safe(text) and slug(text) and slug(text) not in taken:
                taken.add(slug(text))
                return text

    def sentence(self, lo: int, hi: int) -> str:
        while True:
            text = self.phrase(lo, hi) + self.rng.choice(("", "", ".", ";", "?"))
            if self.safe(text):
                return text


def make_handbook(
    rng: random.Random,
    *,
    language: str | None = None,
    level_count: int | None = None,
    named: bool | None = None,
    clusters: int | None = None,
    competencies: int | None = None,
    categories: bool | None = None,
    cumulative: bool | None = None,
    lexicon: Mapping[str, Sequence[str]] = WORDS,
) -> Handbook:
    language = language or rng.choice(("nl", "nl", "en"))
    vocab = vocabulary(language)
    texts = _Texts(rng, language, lexicon)
    count = level_count or rng.choice(LEVEL_COUNTS)
    named = rng.random() < 0.4 if named is None else named
    labels = level_labels(vocab, count, named)
    n_competencies = competencies or rng.randint(1, 8)
    n_clusters = min(rng.randint(0, 3) if clusters is None else clusters, n_competencies)

    role = rng.choice(ROLES)
    taken = {slug(role)}
    organisation = rng.choice(ORGANISATIONS) if rng.random() < 0.9 else None
    issued = f"{rng.randint(1995, 2035)}-{rng.randint(1, 12):02d}" if rng.random() < 0.9 else None
    if organisation:
        taken.add(slug(organisation))

    cluster_names = [texts.unique(1, 4, taken, special=0.15) for _ in range(n_clusters)]
    comps = _competencies(rng, texts, taken, n_competencies, labels)
    members = _split(rng, [c.id for c in comps], n_clusters)
    cluster_models = tuple(
        Cluster(id=slug(name), name=name, competencies=tuple(ids)) for name, ids in zip(cluster_names, members)
    )
    owner = {cid: cl.id for cl in cluster_models for cid in cl.competencies}
    comps = tuple(
        Competency(id=c.id, name=c.name, definition=c.definition, cluster=owner.get(c.id), levels=c.levels)
        for c in comps
    )
    categories = rng.random() < 0.5 if categories is None else categories
    return Handbook(
        id="generated",
        title=f"{vocab.title_prefixes[0]} {role}",
        role=role,
        organisation=organisation,
        issued=issued,
        language=language,
        source=SOURCE,
        levels=LevelScale(
            count=count,
            cumulative=rng.random() < 0.5 if cumulative is None else cumulative,
            labels=labels,
        ),
        clusters=cluster_models,
        competencies=comps,
        requirements=_requirements(rng, texts, taken, comps, count, categories),
    )


def _competencies(rng, texts: _Texts, taken: set[str], n: int, labels) -> list[Competency]:
    comps = []
    for _ in range(n):
        name = texts.unique(1, 4, taken, special=0.2)
        cid = slug(name)
        levels = []
        for number, label in enumerate(labels, start=1):
            indicators = tuple(
                Indicator(id=f"{cid}-{number}-{k}", text=texts.sentence(2, 14))
                for k in range(1, rng.randint(1, 6) + 1)
            )
            levels.append(Level(level=number, label=label, indicators=indicators))
        definition = texts.phrase(4, 24) + "."
        comps.append(Competency(id=cid, name=name, definition=definition, cluster=None, levels=tuple(levels)))
    # An indicator id must never equal a competency id ("doel-1-2" the name, "doel-1-2" the indicator).
    ids = {c.id for c in comps}
    if any(i.id in ids for c in comps for lv in c.levels for i in lv.indicators):
        return _competencies(rng, texts, taken, n, labels)
    return comps


def _split(rng, ids: list[str], parts: int) -> list[list[str]]:
    """`ids` cut into `parts` contiguous, non-empty runs (clusters follow document order)."""
    if parts == 0:
        return []
    cuts = sorted(rng.sample(range(1, len(ids)), parts - 1))
    bounds = [0, *cuts, len(ids)]
    return [ids[a:b] for a, b in zip(bounds, bounds[1:])]


def _requirements(rng, texts: _Texts, taken, comps, count: int, categories: bool) -> tuple[Requirement, ...]:
    """A shuffled, non-empty subset of the competencies, optionally grouped under category rows."""
    ids = [c.id for c in comps]
    rng.shuffle(ids)
    required = ids[: rng.randint(1, len(ids))]
    if not categories:
        return tuple(Requirement(competency=c, category=None, level=rng.randint(1, count)) for c in required)
    groups = _split(rng, required, rng.randint(1, min(3, len(required))))
    out = []
    for group in groups:
        category = texts.unique(2, 3, taken, special=0.1)
        out.extend(Requirement(competency=c, category=category, level=rng.randint(1, count)) for c in group)
    return tuple(out)


def handbooks(**pinned):
    """A hypothesis strategy of handbooks (drawn through a seeded Random, so they shrink by seed)."""
    from hypothesis import strategies as st

    return st.integers(min_value=0, max_value=2**32 - 1).map(lambda seed: make_handbook(random.Random(seed), **pinned))
